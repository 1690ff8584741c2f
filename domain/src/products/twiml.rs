//! Checking TwiML: well-formed XML whose one root element is `<Response>`.
//!
//! TwiML Bins accept any TwiML verb, so the check is XML well-formedness (tags close in
//! order, attributes are quoted and unique, entities are known, nothing but space and
//! comments around the root) plus the root's name, and each problem is named with the
//! line and column a person can find it at. Written here rather than taken from an XML
//! crate because that is all it needs and every byte goes into the browser's download.

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
    Parser {
        text,
        pos: 0,
        open: Vec::new(),
        root_seen: false,
    }
    .document()
}

struct Parser<'a> {
    text: &'a str,
    pos: usize,
    /// Names of the elements open at `pos`, outermost first.
    open: Vec<&'a str>,
    root_seen: bool,
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
        if self.rest().starts_with("<?xml") {
            self.skip_past("?>", "the XML declaration is not closed with ?>")?;
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
        self.entities(from, text)
    }

    fn entities(&self, from: usize, text: &str) -> Step {
        for (i, _) in text.match_indices('&') {
            let tail = &text[i + 1..];
            let end = tail.find(';').filter(|&e| e <= 10);
            let Some(end) = end else {
                return Err(self.fail_at(
                    from + i,
                    "a bare & must be written &amp; (or start an entity such as &lt;)",
                ));
            };
            let name = &tail[..end];
            let known =
                matches!(name, "amp" | "lt" | "gt" | "quot" | "apos") || char_ref(name).is_some();
            if !known {
                return Err(self.fail_at(from + i, format!("unknown entity &{name};")));
            }
        }
        Ok(())
    }

    fn markup(&mut self) -> Step {
        let at = self.pos;
        if self.eat("<!--") {
            self.skip_past("-->", "a comment is not closed with -->")
        } else if self.eat("<![CDATA[") {
            if self.open.is_empty() {
                return Err(self.fail_at(at, "CDATA must be inside <Response>"));
            }
            self.skip_past("]]>", "a CDATA section is not closed with ]]>")
        } else if self.eat("<?") {
            self.skip_past("?>", "a processing instruction is not closed with ?>")
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
            self.entities(value_at, value)?;
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

/// The character a `#123` or `#x1F` reference names, if valid.
fn char_ref(name: &str) -> Option<char> {
    let digits = name.strip_prefix('#')?;
    let code = match digits.strip_prefix('x') {
        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
        None => digits.parse().ok()?,
    };
    char::from_u32(code)
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
