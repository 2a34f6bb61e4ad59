/// sshd's parser on any message under any of its program names.
@testable import LogscanCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 { Fuzz.parser(SshdParser(), data, size) }
