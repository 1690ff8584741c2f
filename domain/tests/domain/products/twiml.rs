//! TwiML checked as XML 1.0 says (https://www.w3.org/TR/xml/): each refusal names the line
//! and column, and "valid" means what Save accepts, the length limit included.

use flex_console_domain::products::check_bin_twiml;
use flex_console_domain::*;

/// The line, column and reason of the first problem in `text`.
fn refused(text: &str) -> (usize, usize, String) {
    let e = check_twiml(text).expect_err(text);
    (e.line, e.column, e.reason)
}

#[test]
fn characters_xml_does_not_allow_are_refused_where_they_are() {
    // A reference to a character outside XML's Char production (2.2), and the raw character.
    assert_eq!(
        refused("<Response>\n  <Say>a&#0;b</Say>\n</Response>"),
        (2, 9, "&#0; is not a character XML allows".into())
    );
    assert_eq!(
        refused("<Response><Say>&#x1;</Say></Response>").2,
        "&#x1; is not a character XML allows"
    );
    assert_eq!(
        refused("<Response><Say>&#xFFFE;</Say></Response>").2,
        "&#xFFFE; is not a character XML allows"
    );
    assert_eq!(
        refused("<Response>\n<Say>a\u{1}b</Say></Response>"),
        (
            2,
            7,
            "the control character U+0001 is not allowed in XML".into()
        )
    );
    assert_eq!(
        refused("<Response a=\"\u{1f}\"/>").2,
        "the control character U+001F is not allowed in XML"
    );
    // Character references are digits only.
    assert_eq!(
        refused("<Response><Say>&#+65;</Say></Response>").2,
        "&#+65; is not a character reference: write &#65; or &#x41;"
    );
}

#[test]
fn the_xml_declaration_comes_once_and_first() {
    assert_eq!(
        refused("<?xml version=\"1.0\"?>\n<?xml version=\"1.0\"?>\n<Response/>"),
        (
            2,
            1,
            "a second XML declaration; there can be one, at the very start".into()
        )
    );
    assert_eq!(
        refused("<Response>\n  <?xml version=\"1.0\"?>\n</Response>"),
        (
            2,
            3,
            "an XML declaration inside the document; it belongs at the very start".into()
        )
    );
    assert_eq!(
        refused("\n<?xml version=\"1.0\"?><Response/>").0,
        2,
        "not even a line break before it"
    );
    assert_eq!(
        refused("<?xml encoding=\"UTF-8\"?><Response/>").2,
        "the XML declaration needs version=\"1.0\" first"
    );
    assert_eq!(
        refused("<?XML version=\"1.0\"?><Response/>").2,
        "processing instructions may not be named XML; the declaration is written <?xml"
    );
}

#[test]
fn text_and_comments_follow_xml_rules() {
    assert_eq!(
        refused("<Response><Say>a ]]> b</Say></Response>"),
        (1, 18, "]]> is not allowed in text; write ]]&gt;".into())
    );
    assert_eq!(
        refused("<Response>\n<!-- a -- b -->\n</Response>"),
        (2, 8, "-- is not allowed inside a comment".into())
    );
    assert_eq!(
        refused("<Response><!-- a ---></Response>").2,
        "-- is not allowed inside a comment"
    );
}

#[test]
fn what_xml_allows_stays_valid() {
    for ok in [
        "\u{feff}<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Response/>",
        "<?xml version='1.0'?>\n<!-- a - b -->\n<?twilio hint?>\n<Response><Say>a ] ]> &#x10FFFF; &#9;</Say></Response>",
        "<Response><Say a=\"]]>\">x</Say></Response>",
        "<Response><Say><![CDATA[ -- ]] ]]></Say></Response>",
    ] {
        assert_eq!(check_twiml(ok), Ok(()), "{ok:?}");
    }
}

#[test]
fn valid_means_what_save_accepts_the_length_included() {
    let long = format!("<Response><Say>{}</Say></Response>", "a".repeat(10_000));
    assert_eq!(check_twiml(&long), Ok(()), "well-formed XML");
    assert_eq!(
        check_bin_twiml(&long).unwrap_err().to_string(),
        "The TwiML is too long; a TwiML Bin holds at most 10,000 characters; this has 10,032."
    );
    assert_eq!(check_bin_twiml("<Response/>"), Ok(()));
}
