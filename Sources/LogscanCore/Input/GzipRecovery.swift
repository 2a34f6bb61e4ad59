import CZlib

#if canImport(Glibc)
import Glibc
#endif

/// What the gzip reader does after a member fails its integrity check, as `gzip`'s recovery tools do: the
/// member's lines are dropped (by the caller, told through `GzipMemberEnd`), and reading goes on with the
/// next member.
///
/// - A CRC or length mismatch is found in the trailer, so the member's end is known: the next member
///   starts right after the trailer, unless the bytes there are not a member header (the damage made the
///   decoder stop early), in which case the search below runs.
/// - A data error inside the deflate stream is found wherever the damage derails the decoder, which may be
///   past the next member's header (about one flipped byte in twenty runs on into the next member). So the
///   search for the next member starts just after the damaged member's own header: the file is read again
///   from there when the descriptor can seek (a file; a pipe is searched from the error on). A plausible
///   header is `1f 8b 08` and a flags byte with its reserved bits zero; it is accepted when inflating from
///   it shows no error in its first 4 KiB of compressed data (or its first 64 KiB of output). A false
///   positive that passes that and fails later is simply one more damaged member, and the search goes on.
/// - A file that ends inside a member is searched the same way: when a later member starts inside it, the
///   member was damaged (its decoder ran on into the later member); otherwise it is only truncated, and its
///   complete lines count.
///
/// - Garbage between members (a damaged magic, junk appended and then another member) is searched the same
///   way from where it starts: when a member follows, the garbage is skipped with a note; otherwise it is
///   trailing garbage, as before.
///
/// Memory: the reader's fixed buffers, and a 64 KiB scratch buffer once a candidate was tried. Time: a
/// search never goes back before the point where the previous failure was found (`searchFloor`), so each
/// compressed byte is re-read at most once more.
extension GzipChunks {
    /// Compressed bytes inflated to try a candidate header, and the output allowed for it.
    static let trialInputBytes = 4 * 1024
    static let trialOutputBytes = 64 * 1024

    /// Reports the current member as failed for `reason` and positions the input at the next member.
    mutating func memberFailed(_ reason: String) {
        let failedAt = consumed
        inMember = false
        inflateReset(streamPointer)
        var end = GzipMemberEnd(index: members, intact: false, reason: "\(reason) at compressed byte \(failedAt)")
        let trailerChecked = reason == "incorrect data check" || reason == "incorrect length check"
        // zlib stops after the 4-byte CRC when it does not match; the 4-byte length follows.
        if reason == "incorrect data check" { skip(4) }
        if trailerChecked && nextIsHeader() {
            end.resumed = "reading went on with the member at compressed byte \(consumed)"
        } else {
            end.resumed = searchNextMember(from: max(memberStart + 1, searchFloor))
        }
        searchFloor = max(searchFloor, failedAt)
        memberEnd = end
    }

    /// The file ended inside the current member: damaged when a later member starts inside what was read of
    /// it, else truncated.
    mutating func endOfFileInMember() {
        let endedAt = consumed
        let searched = max(memberStart + 1, searchFloor)
        guard searched < endedAt, input.rewind(to: searched) else {
            return fail("truncated: the file ends inside gzip member \(members)")
        }
        consumed = searched
        stream.avail_in = 0
        inputEnded = false
        guard let next = findHeader() else {
            return fail("truncated: the file ends inside gzip member \(members)")
        }
        inMember = false
        inflateReset(streamPointer)
        searchFloor = endedAt
        memberEnd = GzipMemberEnd(index: members, intact: false,
                                  reason: "its deflate data ran on into a later member",
                                  resumed: skippedText(to: next))
    }

    /// Searches from compressed byte `offset` (going back to it when the input can seek) for the next member;
    /// the text tells what was skipped.
    private mutating func searchNextMember(from offset: Int) -> String {
        if offset < consumed, input.rewind(to: offset) {
            consumed = offset
            stream.avail_in = 0
            inputEnded = false
        }
        guard let next = findHeader() else {
            finished = true
            return "no later member was found (compressed bytes \(memberStart)–\(max(memberStart, consumed - 1)) searched)"
        }
        return skippedText(to: next)
    }

    private func skippedText(to next: Int) -> String {
        "compressed bytes \(memberStart)–\(next - 1) were skipped; reading went on with the member at byte \(next)"
    }

    /// Advances to the next plausible member header that inflates without error, and returns its offset;
    /// nil (everything consumed) when there is none before the end.
    mutating func findHeader() -> Int? {
        while true {
            while stream.avail_in < 4 && refillAppending() {}
            guard stream.avail_in >= 4 else {
                consumed += Int(stream.avail_in)
                stream.avail_in = 0
                return nil
            }
            let bytes = stream.next_in!
            let last = Int(stream.avail_in) - 3
            var at = 0
            while at < last {
                guard let hit = memchr(bytes + at, 0x1F, last - at) else {
                    at = last
                    break
                }
                at = UnsafeMutablePointer(hit.assumingMemoryBound(to: UInt8.self)) - bytes
                if GzipChunks.isPlausibleHeader(bytes + at) { break }
                at += 1
            }
            advance(at)
            guard at < last else { continue }
            while stream.avail_in < GzipChunks.trialInputBytes && refillAppending() {}
            if inflatesCleanly() { return consumed }
            advance(1)
        }
    }

    /// Tries to inflate a little from the header at `next_in`, leaving the stream as it was.
    private mutating func inflatesCleanly() -> Bool {
        let saved = stream
        let scratch = trialOutput ?? .allocate(capacity: GzipChunks.trialOutputBytes)
        trialOutput = scratch
        inflateReset(streamPointer)
        stream.avail_in = min(saved.avail_in, UInt32(GzipChunks.trialInputBytes))
        stream.next_out = scratch
        stream.avail_out = UInt32(GzipChunks.trialOutputBytes)
        var status: Int32
        repeat {
            status = inflate(streamPointer, Z_NO_FLUSH)
        } while status == Z_OK && stream.avail_in > 0 && stream.avail_out > 0
        inflateReset(streamPointer)
        stream.next_in = saved.next_in
        stream.avail_in = saved.avail_in
        stream.next_out = saved.next_out
        stream.avail_out = saved.avail_out
        return status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR
    }

    /// True when the bytes at `next_in` start a plausible member. At the end (or before padding) the search
    /// runs instead: a member whose decoder ran on through the last member may fail its CRC there.
    private mutating func nextIsHeader() -> Bool {
        while stream.avail_in < 4 && refillAppending() {}
        guard stream.avail_in >= 4 else { return false }
        return GzipChunks.isPlausibleHeader(stream.next_in!)
    }

    /// `1f 8b 08` (deflate) and a flags byte with its reserved bits zero.
    private static func isPlausibleHeader(_ bytes: UnsafeMutablePointer<UInt8>) -> Bool {
        bytes[0] == 0x1F && bytes[1] == 0x8B && bytes[2] == 0x08 && bytes[3] & 0xE0 == 0
    }

    private mutating func skip(_ count: Int) {
        var left = count
        while left > 0 && (stream.avail_in > 0 || refill()) {
            let n = min(left, Int(stream.avail_in))
            advance(n)
            left -= n
        }
    }

    private mutating func advance(_ count: Int) {
        stream.next_in = stream.next_in + count
        stream.avail_in -= UInt32(count)
        consumed += count
    }
}
