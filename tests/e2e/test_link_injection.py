"""A source URL reaches a PDF as exactly one URI action, whatever bytes it holds: what PDF
string syntax or cairo's tag attributes cannot carry is percent-encoded, and what is not a
well-formed http or https URL is refused before anything is drawn."""
import json
import re
import xml.etree.ElementTree as ElementTree

from helpers import TempDirTest, run, tool

# URLs that a reader might honestly paste: each must render as a link.
HONEST = [
    "https://en.wikipedia.org/wiki/Smiley_:)",
    "https://en.wikipedia.org/wiki/Pipe_(computing)",
    "https://example.org/it's?q=a'b&r=(c)#frag",
    "https://example.org/100%25/%E2%82%AC",
    "https://ru.wikipedia.org/wiki/\u041c\u043e\u0441\u043a\u0432\u0430",
    "http://example.org:8080/a;b=c,d*e+f!g$h@i~j",
    "https://[2001:db8::1]/path",
    "https://example.org/" + "a" * 3000,
]

# URLs built to break out of the PDF string or cairo's attribute syntax. Each is refused
# (bad-url) or drawn as a link to its percent-encoded self; nothing else is acceptable.
HOSTILE = [
    "https://x.org/a)/S/JavaScript/JS(app.alert(1)",
    "https://x.org/a)>>/S/Launch/F(calc.exe)",
    "https://x.org/a) >> /A << /S /JavaScript /JS (app.alert(1)) >> <<",
    "https://x.org/a)>>endobj 9 0 obj<</S/JavaScript/JS(app.alert(2))>>",
    "https://x.org/a\\",
    "https://x.org/\\)/S/JavaScript/JS(app.alert(3)",
    "https://x.org/a'/S/JavaScript",
    "https://x.org/a\\'/S/Launch/F(x",
    'https://x.org/a"/S/JavaScript',
    "https://x.org/%",
    "https://x.org/%zz)/S/Launch(",
    "https://x.org/a\n)/S/JavaScript/JS(app.alert(4)",
    "https://x.org/a\r)/S/Launch",
    "https://x.org/a\u0000b",
    "https://x.org/a\u000c)>>",
    "https://x.org/a b)/S/Launch",
    "https://x.org/\u202e)/S/JavaScript",
    "https://x.org/<script>",
    "https://x.org/" + ")" * 5000,
    "https://x.org/" + "\\" * 4001,
    "https://x.org)/S/JavaScript/JS(a/",
    "https://user:pw@x.org/",
    "https://x.org/" + "(" * 70,
]

# Not URLs at all, for every way a source can be written.
MALFORMED = [
    "https://x.org/a\\", "https://x.org/a b", 'https://x.org/"', "https://x.org/%zz",
    "https://x.org/\u202e", "https://x.org/<a>", "https:///path", "https://:80/",
    "https://x.org:port/", "https://x.org/\u0085", "https://user@x.org/", "https://x.org/a#b#c",
    "https://x.org/{a}", "https://x.org/a|b", "https://x.org/^", "https://x.org/`",
]

# What RFC 3986 lets through untouched in a URI that also needs no escape in a PDF string
# or a cairo attribute: everything else is written as %XX of its UTF-8 bytes.
KEEP = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&*+,;=]")


def percent_encoded(url):
    out = []
    data = url.encode("utf-8")
    i = 0
    while i < len(data):
        c = chr(data[i])
        if c == "%" and re.fullmatch(rb"[0-9A-Fa-f]{2}", data[i + 1:i + 3]):
            out.append(data[i:i + 3].decode())
            i += 3
            continue
        out.append(c if data[i] < 0x80 and KEEP.fullmatch(c) else f"%{data[i]:02X}")
        i += 1
    return "".join(out)


def pdf_string(data, start):
    """The literal string that opens at data[start] == b'(': its bytes and where it ends."""
    out, depth, i = bytearray(), 1, start + 1
    escapes = {ord("n"): 10, ord("r"): 13, ord("t"): 9, ord("b"): 8, ord("f"): 12}
    while depth:
        c = data[i]
        if c == ord("\\"):
            nxt = data[i + 1]
            if nxt in escapes:
                out.append(escapes[nxt])
                i += 2
            elif chr(nxt) in "01234567":
                digits = re.match(rb"[0-7]{1,3}", data[i + 1:i + 4]).group()
                out.append(int(digits, 8) & 0xFF)
                i += 1 + len(digits)
            elif nxt in (10, 13):
                i += 2
            else:
                out.append(nxt)
                i += 2
            continue
        if c == ord("("):
            depth += 1
        elif c == ord(")"):
            depth -= 1
            if depth == 0:
                break
        out.append(c)
        i += 1
    return bytes(out), i + 1


def pdf_syntax(qdf):
    """An uncompressed PDF without its streams, comments and string contents: what is left is
    the objects' syntax, where a name such as /JavaScript would be an action. (A URL may well
    hold the text "/JavaScript"; inside its string it is only text.)"""
    qdf = re.sub(rb"stream\r?\n.*?endstream", b"stream endstream", qdf, flags=re.S)
    out, i = bytearray(), 0
    while i < len(qdf):
        c = qdf[i]
        if c == ord("("):
            i = pdf_string(qdf, i)[1]
            out += b"()"
        elif c == ord("%"):
            while i < len(qdf) and qdf[i] not in (10, 13):
                i += 1
        else:
            out.append(c)
            i += 1
    return bytes(out)


def link_actions(qdf):
    """Every link annotation's action in an uncompressed PDF: (its /S name, its /URI string)."""
    actions = []
    for match in re.finditer(rb"/Subtype /Link", qdf):
        obj_start = qdf.rfind(b" obj", 0, match.start())
        obj_end = qdf.find(b"endobj", match.end())
        body = qdf[obj_start:obj_end]
        kind = re.search(rb"/S /(\w+)", body)
        uri_at = body.find(b"/URI (")
        uri = pdf_string(body, uri_at + 5)[0] if uri_at >= 0 else None
        hex_uri = re.search(rb"/URI <([0-9A-Fa-f\s]*)>", body)
        if hex_uri:
            uri = bytes.fromhex(re.sub(rb"\s", b"", hex_uri.group(1)).decode())
        actions.append((kind.group(1).decode() if kind else None, uri, body))
    return actions


def events_yaml(urls):
    lines = ["actors:", "  - {id: IR, name: Iran}", "  - {id: RU, name: Russia}", "events:"]
    for i, url in enumerate(urls):
        lines += [f"  - id: e{i}", f"    date: 2024-{i % 12 + 1:02d}", f"    title: Event {i}",
                  "    kind: arms-transfer", "    from: IR", "    to: RU", "    sources:",
                  "      - publisher: P", f"        url: {json.dumps(url)}"]
    return "\n".join(lines) + "\n"


class LinksAreOnlyLinks(TempDirTest):
    def render(self, url, name, *extra):
        path = self.tmp / f"{name}.yaml"
        path.write_text(events_yaml([url]))
        pdf, svg = self.tmp / f"{name}.pdf", self.tmp / f"{name}.svg"
        return run("render", path, "-o", pdf, "-o", svg, *extra), pdf, svg

    def assert_one_uri_link(self, url, pdf, svg):
        check = tool("qpdf", "--check", pdf)
        self.assertEqual(check.returncode, 0, check.stdout + check.stderr)
        self.assertNotIn("WARNING", check.stdout + check.stderr)
        qdf_path = self.tmp / "qdf.pdf"
        qdf = tool("qpdf", "--qdf", "--object-streams=disable", pdf, qdf_path)
        self.assertEqual(qdf.returncode, 0, qdf.stderr)
        qdf = qdf_path.read_bytes()
        syntax = pdf_syntax(qdf)
        self.assertIn(b"/URI", syntax)
        for word in (b"/JavaScript", b"/JS", b"/Launch"):
            self.assertNotIn(word, syntax)
        actions = link_actions(qdf)
        self.assertTrue(actions, "the source URL is drawn as a link")
        for kind, uri, body in actions:
            self.assertEqual(kind, "URI", body)
            self.assertEqual(uri, percent_encoded(url).encode(), body)
            self.assertEqual(body.count(b"/S /"), 1, body)
        # poppler reads the same single link.
        urls = [row.split()[-1] for row in tool("pdfinfo", "-url", pdf).stdout.splitlines()[1:]
                if row.strip()]
        self.assertEqual(set(urls), {percent_encoded(url)})
        # The SVG has the same link, as one <a> over the URL's text, and stays well-formed
        # XML with no script, no foreign object and no other attribute carrying the URL.
        root = ElementTree.parse(svg).getroot()
        tags = {element.tag.split("}")[-1] for element in root.iter()}
        self.assertFalse(tags & {"script", "foreignObject"}, tags)
        xlink = "{http://www.w3.org/1999/xlink}href"
        anchors = [a for a in root.iter("{http://www.w3.org/2000/svg}a")]
        self.assertTrue(anchors, "the source URL is a link in the SVG too")
        for a in anchors:
            # Besides the link, only its name for screen readers: the text drawn, as data.
            self.assertEqual(set(a.attrib), {xlink, "aria-label"})
            self.assertEqual(a.attrib[xlink], percent_encoded(url))
            title, *rects = list(a)
            self.assertEqual(title.tag, "{http://www.w3.org/2000/svg}title")
            self.assertEqual(title.text, a.attrib["aria-label"])
            self.assertEqual(list(title), [])
            self.assertEqual(len(rects), 1)
            self.assertEqual(rects[0].tag, "{http://www.w3.org/2000/svg}rect")
            width = float(root.attrib["viewBox"].split()[2])
            self.assertGreater(float(rects[0].attrib["width"]), 0)
            self.assertLessEqual(float(rects[0].attrib["x"]) + float(rects[0].attrib["width"]),
                                 width)

    def test_honest_urls_become_one_uri_link_each(self):
        for i, url in enumerate(HONEST):
            with self.subTest(url=url[:80]):
                proc, pdf, svg = self.render(url, f"honest{i}")
                self.assertRan(proc)
                self.assert_one_uri_link(url, pdf, svg)

    def test_hostile_urls_are_refused_or_carried_whole_in_one_uri_action(self):
        for i, url in enumerate(HOSTILE):
            with self.subTest(url=url[:80]):
                proc, pdf, svg = self.render(url, f"hostile{i}")
                if proc.returncode == 1:
                    self.assertIn("[bad-url]", proc.stderr)
                    self.assertFalse(pdf.exists())
                    continue
                self.assertRan(proc)
                self.assert_one_uri_link(url, pdf, svg)

    def test_the_injection_from_the_report_is_drawn_as_a_link_not_run(self):
        # Parentheses and slashes are legal in a URL path, so this one is well-formed: it
        # must be drawn, with its parentheses percent-encoded inside the one URI action.
        url = HOSTILE[0]
        proc, pdf, svg = self.render(url, "report")
        self.assertRan(proc)
        self.assert_one_uri_link(url, pdf, svg)


if __name__ == "__main__":
    import unittest
    unittest.main()
