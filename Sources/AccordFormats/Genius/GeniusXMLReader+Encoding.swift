extension GeniusXMLReader {
    /// How the bytes of a file become characters.
    ///
    /// GENIUS reads its files with the platform's default character set and ignores the XML declaration. Accord
    /// decides per file: a file that is valid UTF-8 is read as UTF-8 (GENIUS on a UTF-8 platform); any other file is
    /// read as Windows-1252 (GENIUS on Windows, where the files that are not UTF-8 were written), so the byte 0x80 of
    /// ANAC 2015 `group2-new_sporthal` is `€`. The five bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90,
    /// 0x9D) become the C1 control characters with the same number, so the mapping is one-to-one and the original
    /// bytes can always be recovered. The declaration's `encoding` is ignored, as GENIUS ignores it.
    package enum Encoding: Sendable, Hashable {
        case utf8
        case windows1252

        /// The encoding Accord reads these bytes with: UTF-8 when they are valid UTF-8, else Windows-1252.
        package static func detect(_ bytes: some Sequence<UInt8>) -> Encoding {
            var decoder = UTF8()
            var iterator = bytes.makeIterator()
            while true {
                switch decoder.decode(&iterator) {
                case .scalarValue: continue
                case .emptyInput: return .utf8
                case .error: return .windows1252
                }
            }
        }

        /// The characters of a run of bytes (in a Windows-1252 file each byte is one character).
        package func decode(_ bytes: ArraySlice<UInt8>) -> String {
            switch self {
            case .utf8:
                return String(decoding: bytes, as: UTF8.self)
            case .windows1252:
                var scalars = String.UnicodeScalarView()
                for byte in bytes { scalars.append(Self.windows1252Scalar(byte)) }
                return String(scalars)
            }
        }

        /// The Unicode scalar of a Windows-1252 byte.
        package static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar {
            guard (0x80...0x9F).contains(byte) else { return Unicode.Scalar(byte) }
            let code = windows1252High[Int(byte) - 0x80]
            return Unicode.Scalar(code) ?? Unicode.Scalar(byte)
        }

        /// 0x80–0x9F in Windows-1252; an undefined byte keeps its own number (a C1 control).
        private static let windows1252High: [UInt32] = [
            0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
            0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
            0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
            0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
        ]
    }
}
