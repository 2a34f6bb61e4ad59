import Testing
@testable import LogscanCore
@testable import LogscanRender

/// `RawJSON.quotedIPv4`, whose octet table is made by arithmetic, against the address written with `String`:
/// every octet value in every position.
@Suite struct RawJSONOctetTests {
    @Test func everyOctetIsWrittenAsItsDecimalDigits() {
        let room = UnsafeMutablePointer<UInt8>.allocate(capacity: 32)
        defer { room.deallocate() }
        for byte in UInt32(0)..<256 {
            let others = (byte &* 37 &+ 11) % 256
            let value = byte << 24 | others << 16 | byte << 8 | (255 - byte)
            let end = RawJSON.shared.quotedIPv4(value, to: room)
            let written = String(decoding: UnsafeBufferPointer(start: room, count: end - room), as: UTF8.self)
            #expect(written == "\"\(byte).\(others).\(byte).\(255 - byte)\"")
        }
    }
}
