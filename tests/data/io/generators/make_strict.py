"""Rewrites a Transitional .xlsx as Strict OOXML (ISO/IEC 29500 Strict namespaces and relationship types) and
moves its worksheets to parts named data_<n>.xml, so a reader must follow xl/_rels/workbook.xml.rels.
Usage: make_strict.py IN.xlsx OUT.xlsx"""
import re
import sys
import zipfile

TRANSITIONAL_TO_STRICT = [
    ("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main"),
    ("http://schemas.openxmlformats.org/officeDocument/2006/relationships",
     "http://purl.oclc.org/ooxml/officeDocument/relationships"),
    ("http://schemas.openxmlformats.org/drawingml/2006/main", "http://purl.oclc.org/ooxml/drawingml/main"),
]

src, dst = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
    for info in zin.infolist():
        data = zin.read(info.filename)
        name = info.filename
        m = re.match(r"xl/worksheets/sheet(\d+)\.xml$", name)
        if m:
            name = "xl/worksheets/data_%s.xml" % m.group(1)
        if name.endswith(".xml") or name.endswith(".rels"):
            text = data.decode("utf-8")
            for old, new in TRANSITIONAL_TO_STRICT:
                text = text.replace(old, new)
            text = re.sub(r"worksheets/sheet(\d+)\.xml", r"worksheets/data_\1.xml", text)
            # Strict marks the workbook with conformance="strict".
            if name == "xl/workbook.xml":
                text = text.replace("<workbook ", '<workbook conformance="strict" ', 1)
            data = text.encode("utf-8")
        zout.writestr(name, data)
