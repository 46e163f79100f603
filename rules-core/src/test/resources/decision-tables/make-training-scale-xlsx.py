# Writes training-scale.xlsx, the xlsx twin of samples/policies/extended-example/rules/eligibility/training-scale.csv:
# the smallest workbook Excel opens (content types, relationships, one worksheet of inline strings, numbers as
# number cells), made with the standard library only so that no spreadsheet writer becomes a dependency.
#     python3 make-training-scale-xlsx.py   (from this folder)
import csv
import zipfile
from xml.sax.saxutils import escape

def column(n):
    name = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        name = chr(65 + r) + name
    return name

def sheet(rows):
    xml = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for r, row in enumerate(rows, 1):
        xml.append('<row r="%d">' % r)
        for c, value in enumerate(row, 1):
            ref = column(c) + str(r)
            if value == "":
                continue
            if value.isdigit():
                xml.append('<c r="%s"><v>%s</v></c>' % (ref, value))
            else:
                xml.append('<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, escape(value)))
        xml.append('</row>')
    xml.append('</sheetData></worksheet>')
    return "".join(xml)

# One cell format, General: Excel's own default.
STYLES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>')

PARTS = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        '</Types>',
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        '</Relationships>',
    "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="规则" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        '</Relationships>',
    "xl/styles.xml": STYLES,
}

with open("../../../../../samples/policies/extended-example/rules/eligibility/training-scale.csv", encoding="utf-8-sig") as f:
    rows = list(csv.reader(f))
with zipfile.ZipFile("training-scale.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    for name, text in PARTS.items():
        z.writestr(zipfile.ZipInfo(name, (2024, 8, 12, 0, 0, 0)), text, zipfile.ZIP_DEFLATED)
    z.writestr(zipfile.ZipInfo("xl/worksheets/sheet1.xml", (2024, 8, 12, 0, 0, 0)), sheet(rows), zipfile.ZIP_DEFLATED)
