# Reads an XLSX workbook with nothing but the standard library (zipfile and
# ElementTree), for the CLI tests: an independent reader of what libxlsxwriter
# wrote. Cells come back typed: str, bool, int or float.
import re
import zipfile
import xml.etree.ElementTree as ET

NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}


def unescape(text):
    """Undoes the file format's _xHHHH_ escapes (ECMA-376 ST_Xstring)."""
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), text)


def column_index(ref):
    """'C7' -> 2."""
    n = 0
    for ch in re.match(r"[A-Z]+", ref).group(0):
        n = n * 26 + ord(ch) - ord("A") + 1
    return n - 1


class Workbook:
    def __init__(self, path):
        self.zip = zipfile.ZipFile(path)
        assert self.zip.testzip() is None, "corrupt member"
        self.shared = []
        if "xl/sharedStrings.xml" in self.zip.namelist():
            root = ET.fromstring(self.zip.read("xl/sharedStrings.xml"))
            for si in root.findall("m:si", NS):
                self.shared.append(unescape("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"]))))
        workbook = ET.fromstring(self.zip.read("xl/workbook.xml"))
        rels = ET.fromstring(self.zip.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels}
        self.sheet_names = []
        self.sheet_paths = {}
        for sheet in workbook.find("m:sheets", NS):
            name = sheet.get("name")
            self.sheet_names.append(name)
            self.sheet_paths[name] = "xl/" + targets[sheet.get("{%s}id" % NS["r"])]

    def xml(self, sheet):
        return ET.fromstring(self.zip.read(self.sheet_paths[sheet]))

    def rows(self, sheet):
        """The rows of `sheet` as lists of typed values (None for no cell)."""
        rows = []
        for row in self.xml(sheet).find("m:sheetData", NS):
            values = {}
            for c in row.findall("m:c", NS):
                kind = c.get("t", "n")
                v = c.find("m:v", NS)
                if kind == "inlineStr":
                    value = unescape("".join(t.text or "" for t in c.iter("{%s}t" % NS["m"])))
                elif kind == "s":
                    value = self.shared[int(v.text)]
                elif kind == "b":
                    value = v.text == "1"
                elif kind == "str":
                    raise AssertionError("formula result in " + c.get("r"))
                else:
                    value = float(v.text)
                    value = int(value) if value.is_integer() else value
                assert c.find("m:f", NS) is None, "a formula in " + c.get("r")
                values[column_index(c.get("r"))] = value
            width = max(values) + 1 if values else 0
            rows.append([values.get(i) for i in range(width)])
        return rows

    def frozen_rows(self, sheet):
        pane = self.xml(sheet).find("m:sheetViews/m:sheetView/m:pane", NS)
        if pane is None or pane.get("state") != "frozen":
            return 0
        return int(pane.get("ySplit", "0"))

    def autofilter(self, sheet):
        node = self.xml(sheet).find("m:autoFilter", NS)
        return None if node is None else node.get("ref")

    def widths(self, sheet):
        """Column index -> width, for columns given one."""
        cols = self.xml(sheet).find("m:cols", NS)
        out = {}
        for col in [] if cols is None else cols:
            for i in range(int(col.get("min")) - 1, int(col.get("max"))):
                out[i] = float(col.get("width"))
        return out
