#!/bin/sh
# Regenerates the reader fixtures of tests/data/io from sources/ and generators/ with real writers.
# NOT run by CI: its outputs are committed. Needs: libreoffice-calc-nogui (soffice), iconv, libxlsxwriter-dev,
# pkg-config, a C compiler, python3.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src="$here/sources"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Workbooks written by LibreOffice from flat ODS sources.
soffice --headless --convert-to xlsx --outdir "$here" "$src/suppliers.fods" "$src/dates1904.fods" >/dev/null
soffice --headless --convert-to xls --outdir "$here" "$src/suppliers.fods" >/dev/null
# A CSV written by LibreOffice (UTF-8, comma, quoted text): filter options 44=',' 34='"' 76=UTF-8.
soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true' --outdir "$tmp" \
    "$src/suppliers.fods" >/dev/null
mv "$tmp/suppliers.csv" "$here/suppliers_libreoffice.csv"

# Workbooks written by libxlsxwriter (shared + inline strings, rich text, booleans, _x000D_, XFD).
cc -O1 -o "$tmp/gen" "$here/generators/make_xlsxwriter_fixtures.c" $(pkg-config --cflags --libs xlsxwriter)
"$tmp/gen" "$here"

# Strict OOXML and a sheet part not named sheet1.xml, made from writer.xlsx by python's zipfile.
python3 "$here/generators/make_strict.py" "$here/writer.xlsx" "$here/strict.xlsx"

# A password-protected workbook: a minimal OLE2 compound file with EncryptionInfo/EncryptedPackage streams
# (crafted: no Debian tool encrypts OOXML; see the generator's comment).
python3 "$here/generators/make_encrypted_cfb.py" "$here/encrypted.xlsx"

# CSV encodings by iconv.
cp "$src/latin.csv" "$here/utf8.csv"
{ printf '\357\273\277'; cat "$src/latin.csv"; } > "$here/utf8_bom.csv"
iconv -f UTF-8 -t WINDOWS-1252 "$src/latin.csv" > "$here/cp1252.csv"
{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$src/scripts.csv"; } > "$here/utf16le_bom.csv"
{ printf '\376\377'; iconv -f UTF-8 -t UTF-16BE "$src/scripts.csv"; } > "$here/utf16be_bom.csv"
cp "$src/scripts.csv" "$here/scripts.csv"
echo "fixtures written to $here"
