#!/usr/bin/env python3
"""Reads a PDF with pikepdf and prints, as one JSON object, the facts of its
structure that an accessible letter must have. The Rust tests (tests/it/pdf.rs)
judge them; this script only reads.

Usage: structure.py FILE.pdf

Printed fields:
  lang               the catalog's /Lang
  marked             /MarkInfo /Marked
  display_doc_title  /ViewerPreferences /DisplayDocTitle
  direction          /ViewerPreferences /Direction (L2R or R2L)
  struct_tree        whether the catalog has a /StructTreeRoot
  ua_part            pdfuaid:part from the XMP metadata
  xmp_title          dc:title from the XMP metadata
  info_title         /Title of the document information dictionary
  roles              count of each structure type (without its slash),
                     custom types mapped through the /RoleMap to standard ones
  element_langs      /Lang of structure elements, with counts
  content_langs      /Lang of marked-content sequences in the page
                     content, with counts
  links              every link annotation: its /URI (or null for a link
                     inside the document), its /Contents, whether it has a
                     /StructParent
  fonts              every font: its /BaseFont, and whether its file is embedded
  pages              the page count, and each page's /MediaBox
"""

import json
import sys

import pikepdf


def role_map(root):
    tree = root.get("/StructTreeRoot")
    mapping = {}
    if tree is not None and "/RoleMap" in tree:
        for key, value in tree.RoleMap.items():
            mapping[str(key)] = str(value)
    return mapping


def resolve(role, mapping):
    seen = set()
    while role in mapping and role not in seen:
        seen.add(role)
        role = mapping[role]
    return role


def walk_structure(root, mapping):
    roles = {}
    langs = {}
    tree = root.get("/StructTreeRoot")
    if tree is None:
        return roles, langs
    stack = [tree.get("/K")]
    seen = set()
    while stack:
        node = stack.pop()
        if node is None:
            continue
        if isinstance(node, pikepdf.Array):
            stack.extend(node)
            continue
        if not isinstance(node, pikepdf.Dictionary):
            continue
        if node.is_indirect:
            key = node.objgen
            if key in seen:
                continue
            seen.add(key)
        if "/S" in node:
            role = resolve(str(node.S), mapping).lstrip("/")
            roles[role] = roles.get(role, 0) + 1
            if "/Lang" in node:
                lang = str(node.Lang)
                langs[lang] = langs.get(lang, 0) + 1
        if "/K" in node:
            stack.append(node.K)
    return roles, langs


def content_langs(pdf):
    langs = {}
    for page in pdf.pages:
        properties = page.Resources.get("/Properties", {})
        for operands, operator in pikepdf.parse_content_stream(page):
            if str(operator) != "BDC" or len(operands) < 2:
                continue
            props = operands[1]
            if isinstance(props, pikepdf.Name):
                props = properties.get(str(props))
            if isinstance(props, pikepdf.Dictionary) and "/Lang" in props:
                lang = str(props.Lang)
                langs[lang] = langs.get(lang, 0) + 1
    return langs


def links(pdf):
    found = []
    for page in pdf.pages:
        for annot in page.get("/Annots", []):
            if annot.get("/Subtype") != pikepdf.Name("/Link"):
                continue
            action = annot.get("/A")
            uri = None
            if action is not None and action.get("/S") == pikepdf.Name("/URI"):
                uri = str(action.URI)
            contents = annot.get("/Contents")
            found.append(
                {
                    "uri": uri,
                    "contents": None if contents is None else str(contents),
                    "struct_parent": "/StructParent" in annot,
                }
            )
    return found


def fonts(pdf):
    found = {}
    for page in pdf.pages:
        resources = page.get("/Resources", {})
        for _, font in resources.get("/Font", {}).items():
            name = str(font.get("/BaseFont", ""))
            descendants = font.get("/DescendantFonts")
            described = descendants[0] if descendants else font
            descriptor = described.get("/FontDescriptor", {})
            embedded = any(
                key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            found[name] = embedded
    return [{"name": name, "embedded": found[name]} for name in sorted(found)]


def main():
    path = sys.argv[1]
    with pikepdf.open(path) as pdf:
        root = pdf.Root
        mapping = role_map(root)
        roles, element_langs = walk_structure(root, mapping)
        preferences = root.get("/ViewerPreferences", {})
        mark_info = root.get("/MarkInfo", {})
        metadata = pdf.open_metadata()
        info_title = pdf.docinfo.get("/Title")
        facts = {
            "lang": str(root.Lang) if "/Lang" in root else None,
            "marked": bool(mark_info.get("/Marked", False)),
            "display_doc_title": bool(preferences.get("/DisplayDocTitle", False)),
            "direction": str(preferences.get("/Direction", "/L2R")).lstrip("/"),
            "struct_tree": "/StructTreeRoot" in root,
            "ua_part": metadata.get("pdfuaid:part"),
            "xmp_title": metadata.get("dc:title"),
            "info_title": None if info_title is None else str(info_title),
            "roles": roles,
            "element_langs": element_langs,
            "content_langs": content_langs(pdf),
            "links": links(pdf),
            "fonts": fonts(pdf),
            "pages": [
                [float(x) for x in page.MediaBox] for page in pdf.pages
            ],
        }
    json.dump(facts, sys.stdout, ensure_ascii=False, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
