from policygen.model.nodes import Emphasis, Heading, LineBreak, Link, ListBlock, Paragraph, Strong, Table, Text
from policygen.assembly.parse import parse_markdown


def test_inlines():
    [paragraph] = parse_markdown("Un *mot* et **deux**, [un lien](https://x.qc.ca)  \nsuite\nfin")
    assert paragraph.inlines == (
        Text("Un "), Emphasis((Text("mot"),)), Text(" et "), Strong((Text("deux"),)), Text(", "),
        Link("https://x.qc.ca", (Text("un lien"),)), LineBreak(), Text("suite fin"))


def test_raw_html_is_text():
    [paragraph] = parse_markdown("<b>gras</b> <script>x</script>")
    assert paragraph.inlines == (Text("<b>gras</b> <script>x</script>"),)


def test_nested_lists_and_ordered_start():
    [block] = parse_markdown("3. trois\n4. quatre\n   - a\n   - b\n")
    assert isinstance(block, ListBlock) and block.ordered and block.start == 3
    first, second = block.items
    assert first == (Paragraph((Text("trois"),)),)
    assert second[0] == Paragraph((Text("quatre"),))
    assert second[1] == ListBlock(False, ((Paragraph((Text("a"),)),), (Paragraph((Text("b"),)),)))


def test_table_and_heading():
    heading, table = parse_markdown("### Titre\n\n| A | B |\n|---|---|\n| 1 | *2* |\n")
    assert heading == Heading((Text("Titre"),))
    assert table == Table(((Text("A"),), (Text("B"),)), (((Text("1"),), (Emphasis((Text("2"),)),)),))


def test_blockquote_is_a_note():
    from policygen.model.nodes import Note
    [note] = parse_markdown("> Attention : **911**.\n>\n> - un\n")
    assert note == Note((Paragraph((Text("Attention : "), Strong((Text("911"),)), Text("."))),
                         ListBlock(False, ((Paragraph((Text("un"),)),),))))


def test_addresses_printed_as_text_become_links_and_stay_data():
    from policygen.library.language import escape_markdown
    value = escape_markdown("a_b@x.qc.ca")  # as an organisation value reaches the parser: « a\_b@x.qc.ca »
    [paragraph] = parse_markdown(f"Écrire à {value} ou voir www.quebec.ca/sante ; M.Sc. et quebec.ca restent du texte.")
    assert paragraph.inlines == (
        Text("Écrire à "), Link("mailto:a_b@x.qc.ca", (Text("a_b@x.qc.ca"),)), Text(" ou voir "),
        Link("http://www.quebec.ca/sante", (Text("www.quebec.ca/sante"),)),
        Text(" ; M.Sc. et quebec.ca restent du texte."))
    # A value shaped like markup gets its address linked, and nothing else.
    [paragraph] = parse_markdown(escape_markdown("[*x*](https://y.ca) <b>"))
    assert paragraph.inlines == (Text("[*x*]("), Link("https://y.ca", (Text("https://y.ca"),)), Text(") <b>"))
