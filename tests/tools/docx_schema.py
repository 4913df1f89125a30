#!/usr/bin/env python3
"""docx_schema.py FILE.docx...

Validates the XML parts of each DOCX against the ECMA-376 Transitional schemas in
tests/ooxml-xsd/. Word repairs or refuses a file that breaks them (the order of elements
matters), so a DOCX should have no error. Prints one line per error, `part:line: message`
(with the file's name first when there are several files), and exits 1 if there is any.
Needs Python 3 and lxml.
"""

import re
import sys
import zipfile
from pathlib import Path

from lxml import etree

XSD = Path(__file__).resolve().parent.parent / "ooxml-xsd"

# Which schema each part is written to; parts not named (core properties, which need the
# Dublin Core schemas, images, Word's own extension parts) are not checked.
SCHEMAS = [
    (
        r"word/(document|styles|numbering|settings|fontTable|footnotes|endnotes|comments"
        r"|header\d*|footer\d*)\.xml",
        "wml.xsd",
    ),
    (r"word/charts/chart\d*\.xml", "dml-chart.xsd"),
    (r"docProps/app\.xml", "shared-documentPropertiesExtended.xsd"),
    (r"docProps/custom\.xml", "shared-documentPropertiesCustom.xsd"),
    (r"\[Content_Types\]\.xml", "opc-xsd/opc-contentTypes.xsd"),
    (r"(.*/)?_rels/[^/]*\.rels", "opc-xsd/opc-relationships.xsd"),
]

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
# Namespaces of Word 2010 and later. A part declares those it uses ignorable (mc:Ignorable,
# ECMA-376 Part 3) and a reader that knows only ECMA-376 skips them; these are removed even
# where undeclared, as what is checked here is the markup around them.
EXTENSIONS = {
    "http://schemas.microsoft.com/office/word/2010/wordml",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing",
    "http://schemas.microsoft.com/office/word/2012/wordml",
    "http://schemas.microsoft.com/office/drawing/2010/main",
    "http://schemas.microsoft.com/office/drawing/2014/main",
    "http://schemas.microsoft.com/office/drawing/2016/SVG/main",
    "http://schemas.microsoft.com/office/drawing/2007/8/2/chart",
    "http://schemas.microsoft.com/office/drawing/2012/chart",
    "http://schemas.microsoft.com/office/drawing/2014/chart",
}

# The schemas import the XML namespace (for xml:space) without saying where its schema is.
# It is declared here as the W3C's xml.xsd declares it, and each schema is compiled
# through a driver that imports it first, so the schema files stay as published.
XML = "http://www.w3.org/XML/1998/namespace"
XML_NS = f"""<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="{XML}">
  <xs:attribute name="space">
    <xs:simpleType>
      <xs:restriction base="xs:NCName">
        <xs:enumeration value="default"/>
        <xs:enumeration value="preserve"/>
      </xs:restriction>
    </xs:simpleType>
  </xs:attribute>
</xs:schema>""".encode()
XML_NS_URL = "http://www.w3.org/2001/xml.xsd"


class XmlNamespace(etree.Resolver):
    def resolve(self, url, public_id, context):
        if url == XML_NS_URL:
            return self.resolve_string(XML_NS, context)
        return None


_compiled = {}


def schema(name):
    if name not in _compiled:
        path = XSD / name
        target = etree.parse(str(path)).getroot().get("targetNamespace")
        driver = f"""<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
          <xs:import namespace="{XML}" schemaLocation="{XML_NS_URL}"/>
          <xs:import namespace="{target}" schemaLocation="{path.as_uri()}"/>
        </xs:schema>"""
        parser = etree.XMLParser(no_network=True)
        parser.resolvers.add(XmlNamespace())
        _compiled[name] = etree.XMLSchema(etree.fromstring(driver, parser))
    return _compiled[name]


def namespace(name):
    return name[1:].split("}")[0] if name.startswith("{") else None


def without_extensions(root):
    """Removes the elements and attributes of namespaces the part declares ignorable and of
    Word's extensions, as a reader that knows only ECMA-376 does."""
    prefixes = root.get(f"{{{MC}}}Ignorable", "").split()
    drop = EXTENSIONS | {MC} | {root.nsmap.get(p) for p in prefixes}
    for element in list(root.iter(etree.Element)):
        if namespace(element.tag) in drop and element.getparent() is not None:
            element.getparent().remove(element)
            continue
        for name in [a for a in element.attrib if namespace(a) in drop]:
            del element.attrib[name]
    return root


def errors(docx):
    with zipfile.ZipFile(docx) as package:
        for part in package.namelist():
            xsd = next((x for p, x in SCHEMAS if re.fullmatch(p, part)), None)
            if xsd is None:
                continue
            try:
                root = etree.fromstring(package.read(part))
            except etree.XMLSyntaxError as error:
                yield f"{part}:{error.lineno}: not well-formed: {error.msg}"
                continue
            checker = schema(xsd)
            if not checker.validate(without_extensions(root)):
                for error in checker.error_log:
                    message = error.message.replace(f"{{{W}}}", "w:").strip()
                    yield f"{part}:{error.line}: {message} at {error.path}"


def main(files):
    if not files:
        sys.exit(__doc__)
    total = 0
    for docx in files:
        prefix = f"{docx}: " if len(files) > 1 else ""
        count = 0
        for line in errors(docx):
            print(prefix + line)
            count += 1
        if count and prefix:
            print(f"{prefix}{count} errors")
        total += count
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
