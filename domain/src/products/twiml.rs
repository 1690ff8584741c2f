//! Checking TwiML: well-formed XML 1.0 (https://www.w3.org/TR/xml/) whose one root element
//! is `<Response>`.
//!
//! TwiML Bins accept any TwiML verb, so the check is XML well-formedness as the
//! specification writes it (only the characters of its `Char` production, raw or
//! referenced; one XML declaration, at the very start; tags closed in order; attributes
//! quoted and unique; only the predefined entities, as there is no DTD; no `]]>` in text
//! and no `--` in a comment; nothing but space, comments and processing instructions
//! around the root) plus the root's name. Each problem is named with the line and column a
//! person can find it at. Written here rather than taken from an XML crate because that is
//! all it needs and every byte goes into the browser's download.

use std::fmt;

/// Where and why a TwiML text is not acceptable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TwimlError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column (in characters).
    pub column: usize,
    /// What is wrong there.
    pub reason: String,
}

impl fmt::Display for TwimlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.reason
        )
    }
}

/// Checks `text` is TwiML; see the module documentation.
pub fn check_twiml(text: &str) -> Result<(), TwimlError> {
    let parser = Parser {
        text,
        pos: 0,
        open: Vec::new(),
        root_seen: false,
        declared: false,
    };
    // XML 2.2: a document holds only the characters of `Char`, wherever they are.
    if let Some((at, c)) = text.char_indices().find(|&(_, c)| !is_xml_char(c)) {
        let what = if c.is_control() {
            "the control character"
        } else {
            "the character"
        };
        return Err(parser.fail_at(
            at,
            format!("{what} U+{:04X} is not allowed in XML", u32::from(c)),
        ));
    }
    parser.document()
}

struct Parser<'a> {
    text: &'a str,
    pos: usize,
    /// Names of the elements open at `pos`, outermost first.
    open: Vec<&'a str>,
    root_seen: bool,
    /// Whether the document starts with an XML declaration.
    declared: bool,
}

type Step = Result<(), TwimlError>;

impl<'a> Parser<'a> {
    fn fail_at(&self, pos: usize, reason: impl Into<String>) -> TwimlError {
        let before = &self.text[..pos.min(self.text.len())];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        TwimlError {
            line,
            column,
            reason: reason.into(),
        }
    }

    fn fail(&self, reason: impl Into<String>) -> TwimlError {
        self.fail_at(self.pos, reason)
    }

    fn rest(&self) -> &'a str {
        &self.text[self.pos..]
    }

    fn eat(&mut self, prefix: &str) -> bool {
        let found = self.rest().starts_with(prefix);
        if found {
            self.pos += prefix.len();
        }
        found
    }

    fn skip_space(&mut self) {
        let rest = self.rest();
        self.pos += rest.len() - rest.trim_start_matches(is_space).len();
    }

    /// Moves past `end`, failing with `unclosed` when the text ends first.
    fn skip_past(&mut self, end: &str, unclosed: &str) -> Step {
        match self.rest().find(end) {
            Some(i) => {
                self.pos += i + end.len();
                Ok(())
            }
            None => Err(self.fail(unclosed)),
        }
    }

    fn document(mut self) -> Step {
        if self.text.trim().is_empty() {
            return Err(self.fail("the TwiML is empty; it needs a <Response> element"));
        }
        self.eat("\u{feff}");
        if self.rest().starts_with("<?xml") && self.rest()[5..].starts_with(is_space) {
            self.declaration()?;
        }
        loop {
            let start = self.pos;
            let Some(next) = self.rest().find('<') else {
                self.text_content(start, self.text.len())?;
                break;
            };
            self.text_content(start, start + next)?;
            self.pos = start + next;
            self.markup()?;
        }
        if let Some(name) = self.open.last() {
            return Err(self.fail(format!("<{name}> is never closed; add </{name}>")));
        }
        if !self.root_seen {
            return Err(self.fail("the TwiML needs a <Response> element"));
        }
        Ok(())
    }

    /// Text between markup: only space outside the root; entities checked inside it.
    fn text_content(&self, from: usize, to: usize) -> Step {
        let text = &self.text[from..to];
        if self.open.is_empty() {
            if let Some(i) = text.find(|c: char| !is_space(c)) {
                let reason = if self.root_seen {
                    "text after </Response>; everything must be inside <Response>"
                } else {
                    "text before <Response>; everything must be inside <Response>"
                };
                return Err(self.fail_at(from + i, reason));
            }
            return Ok(());
        }
        if let Some(i) = text.find("]]>") {
            return Err(self.fail_at(from + i, "]]> is not allowed in text; write ]]&gt;"));
        }
        self.references(from, text)
    }

    /// Entity and character references in text or an attribute value (XML 4.1): the five
    /// predefined entities (there is no DTD to declare others) and references to
    /// characters XML allows.
    fn references(&self, from: usize, text: &str) -> Step {
        for (i, _) in text.match_indices('&') {
            let tail = &text[i + 1..];
            let end = tail
                .find(|c: char| c == ';' || c == '&' || c == '<' || is_space(c))
                .filter(|&e| tail[e..].starts_with(';'));
            let Some(end) = end else {
                return Err(self.fail_at(
                    from + i,
                    "a bare & must be written &amp; (or start an entity such as &lt;)",
                ));
            };
            let name = &tail[..end];
            let at = from + i;
            if let Some(number) = name.strip_prefix('#') {
                match char_ref(number) {
                    None => {
                        return Err(self.fail_at(
                            at,
                            format!("&{name}; is not a character reference: write &#65; or &#x41;"),
                        ));
                    }
                    Some(code) if !char::from_u32(code).is_some_and(is_xml_char) => {
                        return Err(
                            self.fail_at(at, format!("&{name}; is not a character XML allows"))
                        );
                    }
                    Some(_) => {}
                }
            } else if !matches!(name, "amp" | "lt" | "gt" | "quot" | "apos") {
                return Err(self.fail_at(at, format!("unknown entity &{name};")));
            }
        }
        Ok(())
    }

    /// The XML declaration (XML 2.8): `<?xml version="1.0" encoding="…" standalone="…"?>`,
    /// version first and required, at the very start of the document.
    fn declaration(&mut self) -> Step {
        self.pos += "<?xml".len();
        self.declared = true;
        let mut expected = ["version", "encoding", "standalone"].as_slice();
        let mut first = true;
        loop {
            self.skip_space();
            if self.eat("?>") {
                if first {
                    return Err(self.fail("the XML declaration needs version=\"1.0\" first"));
                }
                return Ok(());
            }
            if self.rest().is_empty() {
                return Err(self.fail("the XML declaration is not closed with ?>"));
            }
            let at = self.pos;
            let name = self.name()?;
            let Some(i) = expected.iter().position(|n| *n == name) else {
                return Err(self.fail_at(
                    at,
                    if first {
                        "the XML declaration needs version=\"1.0\" first".to_owned()
                    } else {
                        format!(
                            "{name} is not allowed in the XML declaration; it has version, encoding and standalone, in that order"
                        )
                    },
                ));
            };
            if first && i != 0 {
                return Err(self.fail_at(at, "the XML declaration needs version=\"1.0\" first"));
            }
            expected = &expected[i + 1..];
            first = false;
            self.skip_space();
            if !self.eat("=") {
                return Err(self.fail(format!("{name} needs =\"value\"")));
            }
            self.skip_space();
            let quote = match self.rest().chars().next() {
                Some(q @ ('"' | '\'')) => q,
                _ => return Err(self.fail(format!("the value of {name} must be in quotes"))),
            };
            self.pos += 1;
            let value_at = self.pos;
            let Some(len) = self.rest().find(quote) else {
                return Err(self.fail_at(value_at, format!("the value of {name} is not closed")));
            };
            let value = &self.rest()[..len];
            let ok = match name {
                "version" => value
                    .strip_prefix("1.")
                    .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit())),
                "encoding" => {
                    value.starts_with(|c: char| c.is_ascii_alphabetic())
                        && value
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
                }
                _ => matches!(value, "yes" | "no"),
            };
            if !ok {
                let rule = match name {
                    "version" => "the version must be 1.0",
                    "encoding" => "the encoding must be a name such as UTF-8",
                    _ => "standalone must be yes or no",
                };
                return Err(self.fail_at(value_at, rule));
            }
            self.pos += len + 1;
            if !self.rest().starts_with(is_space) && !self.rest().starts_with("?>") {
                return Err(self.fail("expected a space or ?> in the XML declaration"));
            }
        }
    }

    /// A processing instruction (XML 2.6) after its `<?`: a target that is not `xml` in
    /// any case, then space and anything up to `?>`.
    fn processing_instruction(&mut self, at: usize) -> Step {
        let target = self.name()?;
        if target == "xml" {
            let reason = if !self.open.is_empty() {
                "an XML declaration inside the document; it belongs at the very start"
            } else if self.declared {
                "a second XML declaration; there can be one, at the very start"
            } else if self.text[..at].trim_start_matches('\u{feff}').is_empty() {
                "the XML declaration needs version=\"1.0\" first"
            } else {
                "the XML declaration must be at the very start, before any line break or space"
            };
            return Err(self.fail_at(at, reason));
        }
        if target.eq_ignore_ascii_case("xml") {
            return Err(self.fail_at(
                at,
                "processing instructions may not be named XML; the declaration is written <?xml",
            ));
        }
        if self.eat("?>") {
            return Ok(());
        }
        if !self.rest().starts_with(is_space) {
            return Err(self.fail(format!("expected a space or ?> after <?{target}")));
        }
        self.skip_past("?>", "a processing instruction is not closed with ?>")
    }

    /// A comment (XML 2.5) after its `<!--`: no `--` inside, so none right before `-->`.
    fn comment(&mut self) -> Step {
        let Some(end) = self.rest().find("-->") else {
            return Err(self.fail("a comment is not closed with -->"));
        };
        let body = &self.rest()[..end];
        if let Some(i) = body.find("--") {
            return Err(self.fail_at(self.pos + i, "-- is not allowed inside a comment"));
        }
        if body.ends_with('-') {
            return Err(self.fail_at(self.pos + end - 1, "-- is not allowed inside a comment"));
        }
        self.pos += end + 3;
        Ok(())
    }

    fn markup(&mut self) -> Step {
        let at = self.pos;
        if self.eat("<!--") {
            self.comment()
        } else if self.eat("<![CDATA[") {
            if self.open.is_empty() {
                return Err(self.fail_at(at, "CDATA must be inside <Response>"));
            }
            self.skip_past("]]>", "a CDATA section is not closed with ]]>")
        } else if self.eat("<?") {
            self.processing_instruction(at)
        } else if self.rest().starts_with("<!") {
            Err(self.fail("a DOCTYPE or other declaration is not allowed in TwiML"))
        } else if self.eat("</") {
            self.end_tag(at)
        } else {
            self.pos += 1;
            self.start_tag(at)
        }
    }

    fn name(&mut self) -> Result<&'a str, TwimlError> {
        let rest = self.rest();
        let len = rest
            .char_indices()
            .find(|&(i, c)| !(is_name_char(c) && (i > 0 || is_name_start(c))))
            .map_or(rest.len(), |(i, _)| i);
        if len == 0 {
            return Err(self.fail("expected an element name after <"));
        }
        self.pos += len;
        Ok(&rest[..len])
    }

    fn start_tag(&mut self, at: usize) -> Step {
        let name = self.name()?;
        if self.open.is_empty() {
            if self.root_seen {
                return Err(self.fail_at(
                    at,
                    format!("<{name}> is after </Response>; TwiML has one <Response> root"),
                ));
            }
            if name != "Response" {
                return Err(self.fail_at(
                    at,
                    format!("the root element must be <Response>, not <{name}>"),
                ));
            }
            self.root_seen = true;
        }
        let mut seen: Vec<&str> = Vec::new();
        loop {
            let before_space = self.pos;
            self.skip_space();
            if self.eat("/>") {
                return Ok(());
            }
            if self.eat(">") {
                self.open.push(name);
                return Ok(());
            }
            if self.rest().is_empty() {
                return Err(self.fail(format!("<{name}> is not closed with >")));
            }
            if self.pos == before_space {
                return Err(self.fail(format!("expected a space, > or /> in <{name}>")));
            }
            let attr_at = self.pos;
            let attr = self.name()?;
            if seen.contains(&attr) {
                return Err(self.fail_at(
                    attr_at,
                    format!("the attribute {attr} appears twice in <{name}>"),
                ));
            }
            seen.push(attr);
            self.skip_space();
            if !self.eat("=") {
                return Err(self.fail(format!("the attribute {attr} needs =\"value\"")));
            }
            self.skip_space();
            let quote = match self.rest().chars().next() {
                Some(q @ ('"' | '\'')) => q,
                _ => {
                    return Err(self.fail(format!(
                        "the value of {attr} must be in quotes, e.g. {attr}=\"…\""
                    )));
                }
            };
            self.pos += 1;
            let value_at = self.pos;
            let Some(len) = self.rest().find(quote) else {
                return Err(self.fail_at(value_at, format!("the value of {attr} is not closed")));
            };
            let value = &self.rest()[..len];
            if let Some(i) = value.find('<') {
                return Err(self.fail_at(
                    value_at + i,
                    format!("< is not allowed in the value of {attr}; write &lt;"),
                ));
            }
            self.references(value_at, value)?;
            self.pos += len + 1;
        }
    }

    fn end_tag(&mut self, at: usize) -> Step {
        let name = self.name()?;
        self.skip_space();
        if !self.eat(">") {
            return Err(self.fail(format!("</{name} is not closed with >")));
        }
        match self.open.pop() {
            Some(open) if open == name => Ok(()),
            Some(open) => Err(self.fail_at(
                at,
                format!("</{name}> closes <{open}>; close it with </{open}> first"),
            )),
            None => Err(self.fail_at(at, format!("</{name}> has no matching <{name}>"))),
        }
    }
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

fn is_name_start(c: char) -> bool {
    c.is_alphabetic() || c == '_' || c == ':'
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | ':' | '-' | '.')
}

/// The code a character reference names after its `&#` (`123` or `x1F`; digits only), if
/// it is written as XML 4.1 says.
fn char_ref(digits: &str) -> Option<u32> {
    let (digits, radix) = match digits.strip_prefix('x') {
        Some(hex) => (hex, 16),
        None => (digits, 10),
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    // Leading zeros are allowed; a number too large for u32 is no character either.
    Some(u32::from_str_radix(digits, radix).unwrap_or(u32::MAX))
}

/// XML 1.0's `Char` production (2.2).
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> (usize, usize, String) {
        let e = check_twiml(text).expect_err(text);
        (e.line, e.column, e.reason)
    }

    #[test]
    fn accepts_twiml() {
        for ok in [
            "<Response/>",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response>\n  <Say voice='alice'>Hello &amp; welcome</Say>\n  <!-- then -->\n  <Dial><Number>+14155550100</Number></Dial>\n</Response>\n",
            "<Response><Say><![CDATA[a < b]]></Say><Pause length=\"2\"/></Response>",
            "<Response><Say>&#233;&#x1F600;</Say></Response>",
        ] {
            assert_eq!(check_twiml(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn names_the_place_and_the_problem() {
        assert_eq!(
            error("<Response>\n  <Say>Hi</Response>"),
            (
                2,
                10,
                "</Response> closes <Say>; close it with </Say> first".into()
            )
        );
        assert_eq!(
            error("<Response><Say>Hi</Say>"),
            (1, 24, "<Response> is never closed; add </Response>".into())
        );
        assert_eq!(
            error("<Say>Hi</Say>"),
            (
                1,
                1,
                "the root element must be <Response>, not <Say>".into()
            )
        );
        assert_eq!(
            error("<Response><Play loop=2>x</Play></Response>").2,
            "the value of loop must be in quotes, e.g. loop=\"…\""
        );
        assert_eq!(
            error("<Response>Tom & Jerry</Response>"),
            (
                1,
                15,
                "a bare & must be written &amp; (or start an entity such as &lt;)".into()
            )
        );
        assert_eq!(
            error("<Response></Response><Response/>").2,
            "<Response> is after </Response>; TwiML has one <Response> root"
        );
        assert_eq!(
            error("   ").2,
            "the TwiML is empty; it needs a <Response> element"
        );
        assert_eq!(
            error("<Response><Say a=\"1\" a=\"2\"/></Response>").2,
            "the attribute a appears twice in <Say>"
        );
        assert_eq!(
            error("<Response>&nbsp;</Response>").2,
            "unknown entity &nbsp;"
        );
        assert_eq!(
            error("hello <Response/>").2,
            "text before <Response>; everything must be inside <Response>"
        );
    }
}
