from inclusion.compare import compare_paragraphs, compare_versions, diff_words, plain


def test_diff_words_marks_removed_and_added_words_with_hidden_text():
    old, new = diff_words("We will work together", "We must work together closely")
    assert '<del class="portal-del">' in old
    assert '<span class="govuk-visually-hidden">[removed: </span>will' in old
    assert '<ins class="portal-ins">' in new
    assert '<span class="govuk-visually-hidden">[added: </span>must' in new
    assert "closely" in new and "closely" not in old
    assert "<ins" not in old and "<del" not in new


def test_unchanged_text_is_not_marked():
    old, new = diff_words("Equity for all", "Equity for all")
    assert old == new == "Equity for all"


def test_text_is_escaped_in_the_comparison():
    _old, new = diff_words("a <b>", "a <script>alert(1)</script>")
    assert "<script>" not in new
    assert "&lt;script&gt;" in new


def test_plain_strips_markup():
    assert plain("<p>It was <strong>agreed</strong> &amp; minuted</p>") == "It was agreed & minuted"


def test_paragraphs_added_and_removed_are_whole_rows():
    rows = compare_paragraphs(["One", "Two"], ["One", "Three", "Two"])
    assert [r.changed for r in rows] == [False, True, False]
    assert "Three" in rows[1].new and rows[1].old == ""


def test_sections_matched_by_heading_and_new_sections_shown():
    result = compare_versions(
        [("We strive", ["To ensure that all schools are inclusive."])],
        [
            ("We strive", ["To ensure that all schools are equally inclusive."]),
            ("We commit", ["To challenge and be challenged."]),
        ],
    )
    assert [s.heading for s in result] == ["We strive", "We commit"]
    assert result[0].changed and "equally" in result[0].rows[0].new
    assert result[1].old_heading is None and result[1].new_heading == "We commit"
