"""Writes encrypted.xlsx: what Excel writes for a password-protected workbook is an OLE2 compound file (CFB) holding
the streams EncryptionInfo and EncryptedPackage instead of a zip. No Debian tool here encrypts OOXML (LibreOffice's
command line cannot set a password, python3-msoffcrypto-tool 5.0.0 only decrypts), so this builds a minimal valid
CFB (version 3, 512-byte sectors) with an agile EncryptionInfo header and random bytes as the package. Readers
must recognise it and ask for the password to be removed; nothing should try to decrypt it.
Usage: make_encrypted_cfb.py OUT"""
import os
import struct
import sys

SECTOR = 512
FREE, END, FATSECT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD

info_xml = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
            b'<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" '
            b'xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password">'
            b'<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" '
            b'cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/>'
            b'</encryption>')
info = struct.pack("<HHI", 4, 4, 0x40) + info_xml
info = info.ljust(4096, b"\0")
package = struct.pack("<Q", 8192) + os.urandom(4096 - 8)

info_sectors = len(info) // SECTOR      # 8, from sector 2
pkg_sectors = len(package) // SECTOR    # 8, after them
fat = [FATSECT, END]
first_info = len(fat)
fat += [first_info + i + 1 for i in range(info_sectors - 1)] + [END]
first_pkg = len(fat)
fat += [first_pkg + i + 1 for i in range(pkg_sectors - 1)] + [END]
fat += [FREE] * (SECTOR // 4 - len(fat))

header = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 16
header += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
header += struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, END, 0, END, 0)
header += struct.pack("<I", 0) + struct.pack("<I", FREE) * 108
assert len(header) == SECTOR


def entry(name, kind, left, right, child, start, size):
    encoded = name.encode("utf-16-le") + b"\0\0"
    e = encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
    e += struct.pack("<III", left, right, child) + b"\0" * 16 + struct.pack("<I", 0) + b"\0" * 16
    e += struct.pack("<IQ", start, size)
    assert len(e) == 128
    return e


directory = (entry("Root Entry", 5, FREE, FREE, 1, END, 0)
             + entry("EncryptionInfo", 2, FREE, 2, FREE, first_info, len(info))
             + entry("EncryptedPackage", 2, FREE, FREE, FREE, first_pkg, len(package))
             + b"\0" * 64 + struct.pack("<HBB", 0, 0, 0) + struct.pack("<III", FREE, FREE, FREE) + b"\0" * 52)
with open(sys.argv[1], "wb") as f:
    f.write(header + struct.pack("<%dI" % (SECTOR // 4), *fat) + directory + info + package)
