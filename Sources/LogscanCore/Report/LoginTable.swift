/// A tally's successful logins by name (`ServiceTally.logins`), in order of arrival: a view of its table by
/// numbers (`LoginNumbers`), each `Login` made when read. Making a keyed table of them at report time cost
/// more than the numbers saved (0.4 M on the mail cut, where nearly every login is a new address).
public struct LoginTable: RandomAccessCollection, RankedEntries {
    let numbers: KeyedTable<LoginNumbers, Span>
    let names: NameTable
    let methods: NameTable

    public var startIndex: Int { 0 }
    public var endIndex: Int { numbers.count }

    public subscript(position: Int) -> (key: ServiceTally.Login, value: Span) {
        (login(at: position), numbers.values[position])
    }

    private func login(at position: Int) -> ServiceTally.Login {
        let key = numbers.keys[position]
        return ServiceTally.Login(user: names[key.user], peer: key.peer, method: methods[key.method])
    }

    var entryKeys: [ServiceTally.Login] { indices.map(login(at:)) }
    var entryValues: [Span] { numbers.values }
}
