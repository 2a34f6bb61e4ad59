import Testing
@testable import LogscanCore

@Suite struct RotationOrderTests {
    @Test func numberedRotationOldestFirst() {
        let expected = ["auth.log.3.gz", "auth.log.2.gz", "auth.log.1", "auth.log"]
        for shuffled in [["auth.log", "auth.log.1", "auth.log.2.gz", "auth.log.3.gz"],
                         ["auth.log.1", "auth.log.3.gz", "auth.log", "auth.log.2.gz"],
                         ["auth.log.2.gz", "auth.log", "auth.log.3.gz", "auth.log.1"]] {
            #expect(RotationOrder.sorted(shuffled) == expected)
        }
    }

    @Test func numbersCompareAsNumbersNotText() {
        let paths = ["/var/log/auth.log.2.gz", "/var/log/auth.log", "/var/log/auth.log.10.gz", "/var/log/auth.log.1"]
        #expect(RotationOrder.sorted(paths)
                == ["/var/log/auth.log.10.gz", "/var/log/auth.log.2.gz", "/var/log/auth.log.1", "/var/log/auth.log"])
    }

    @Test func dateextOldestFirst() {
        let expected = ["auth.log-20261119.gz", "auth.log-20261120", "auth.log"]
        #expect(RotationOrder.sorted(["auth.log", "auth.log-20261120", "auth.log-20261119.gz"]) == expected)
        #expect(RotationOrder.sorted(["auth.log-20261120", "auth.log", "auth.log-20261119.gz"]) == expected)
    }

    @Test func dateextWithHour() {
        let paths = ["secure", "secure-2026112012", "secure-2026112006.gz"]
        #expect(RotationOrder.sorted(paths) == ["secure-2026112006.gz", "secure-2026112012", "secure"])
    }

    @Test func keys() {
        #expect(RotationOrder.key(for: "auth.log.3.gz") == RotationOrder.Key(base: "auth.log", age: 3))
        #expect(RotationOrder.key(for: "auth.log.1") == RotationOrder.Key(base: "auth.log", age: 1))
        #expect(RotationOrder.key(for: "auth.log") == RotationOrder.Key(base: "auth.log", age: 0))
        #expect(RotationOrder.key(for: "/var/log/secure-20261120.gz").base == "/var/log/secure")
        #expect(RotationOrder.key(for: "auth.log-20261119").age > RotationOrder.key(for: "auth.log-20261120").age)
        // Not a date: the dash belongs to the name.
        #expect(RotationOrder.key(for: "my-app.log") == RotationOrder.Key(base: "my-app.log", age: 0))
    }

    @Test func twoSetsDoNotInterleave() {
        let paths = ["/var/log/secure", "/var/log/auth.log.1", "/var/log/secure-20261119.gz", "/var/log/auth.log",
                     "/var/log/secure-20261120", "/var/log/auth.log.2.gz"]
        #expect(RotationOrder.sorted(paths) == [
            "/var/log/auth.log.2.gz", "/var/log/auth.log.1", "/var/log/auth.log",
            "/var/log/secure-20261119.gz", "/var/log/secure-20261120", "/var/log/secure",
        ])
    }

    @Test func mixedNumberedAndDatedInOneDirectory() {
        let paths = ["secure.1", "auth.log", "secure", "auth.log-20261120", "secure.2.gz", "auth.log-20261119.gz"]
        #expect(RotationOrder.sorted(paths) == [
            "auth.log-20261119.gz", "auth.log-20261120", "auth.log", "secure.2.gz", "secure.1", "secure",
        ])
    }
}
