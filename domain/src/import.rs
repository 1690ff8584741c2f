//! Loading and saving the Console as JSON.
//!
//! [`Console::from_json`] reads in three steps: serde (which already rejects malformed
//! SIDs, emails, tokens and role sets, since those types deserialize through their own
//! checks), [`Console::reindex`], then [`Console::validate`] for the rules that span
//! several fields. serde_json reports only a line and column, so the JSON path of a
//! reading error is recovered by re-scanning the text up to that position, and its
//! explanation is said again in plain words ([`plain_words`]).

use crate::console::Console;
use crate::error::ImportError;

impl Console {
    /// Reads a saved Console, rebuilding its indexes and checking every rule. The error
    /// names the JSON path of the first bad field.
    pub fn from_json(text: &str) -> Result<Console, ImportError> {
        let console = Console::from_checked_json(text)?;
        console.validate().map_err(ImportError::Invalid)?;
        Ok(console)
    }

    /// Reads a Console this program wrote from a state it held (so one that kept every
    /// rule), rebuilding its indexes without checking the rules again; serde still rejects
    /// malformed fields. Anything else (an import, a record that may have changed) goes
    /// through [`Console::from_json`].
    pub fn from_checked_json(text: &str) -> Result<Console, ImportError> {
        let mut console: Console = serde_json::from_str(text).map_err(|e| {
            let (line, column) = (e.line(), e.column());
            let full = e.to_string();
            let suffix = format!(" at line {line} column {column}");
            let message = full.strip_suffix(&suffix).unwrap_or(&full);
            // serde reports a missing field at the object's closing brace, and a bad
            // value just before the next token, which after an object's last field is
            // also that brace: the message tells the two apart.
            let whole_object = message.starts_with("missing field");
            ImportError::Json {
                path: json_path_at(text, line, column, whole_object),
                line,
                column,
                message: plain_words(message),
            }
        })?;
        console.reindex();
        Ok(console)
    }

    /// The saved form of the Console (indexes are not saved).
    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string(self)
    }
}

/// One open container while scanning.
enum Frame {
    Object {
        key: Option<String>,
        expecting_key: bool,
    },
    Array {
        index: usize,
    },
}

/// The JSON path (`a.b[2].c`) of the value being read at 1-based `line`/`column`, where
/// serde_json stopped. serde_json places an error about a whole array (e.g. an invalid
/// role set) on its closing bracket, so that position means the array itself. A closing
/// brace means the object itself only with `whole_object` (e.g. a missing field);
/// otherwise it follows the object's last value, which is the one at fault.
pub fn json_path_at(text: &str, line: usize, column: usize, whole_object: bool) -> String {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let stop = (line_start + column.saturating_sub(1)).min(text.len());
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < stop {
        match bytes[i] {
            b'{' => stack.push(Frame::Object {
                key: None,
                expecting_key: true,
            }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { key, expecting_key }) => {
                    *key = None;
                    *expecting_key = true;
                }
                Some(Frame::Array { index }) => *index += 1,
                None => {}
            },
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object { key, expecting_key }) = stack.last_mut()
                    && *expecting_key
                {
                    *key = Some(
                        String::from_utf8_lossy(&bytes[start..i.min(bytes.len())]).into_owned(),
                    );
                    *expecting_key = false;
                }
            }
            _ => {}
        }
        i += 1;
    }
    let at_close = match bytes.get(stop) {
        Some(b']') => true,
        Some(b'}') => whole_object,
        _ => false,
    };
    let last = stack.len().saturating_sub(usize::from(at_close));
    let mut path = String::new();
    for (n, frame) in stack.iter().enumerate() {
        match frame {
            Frame::Object { key: Some(key), .. } if n < last => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Array { index } if n < last => path.push_str(&format!("[{index}]")),
            _ => {}
        }
    }
    path
}

/// serde_json's explanation of a reading error ("invalid type: string \"soon\", expected
/// u64") said as a person would: what the field must be and what it holds instead ("must be a
/// whole number, not the text \"soon\""). The types' own messages (a malformed SID, an
/// invalid set of roles) are already in plain words and pass unchanged.
pub fn plain_words(message: &str) -> String {
    if let Some(field) = message.strip_prefix("missing field ") {
        return format!("the field {} is missing", unquote(field));
    }
    if let Some(field) = message.strip_prefix("duplicate field ") {
        return format!("the field {} appears twice", unquote(field));
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let field = rest.split(", expected").next().unwrap_or(rest);
        return format!("there is no field {} here", unquote(field));
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let (value, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let names: Vec<&str> = expected
            .trim_start_matches("one of ")
            .split(", ")
            .flat_map(|part| part.split(" or "))
            .map(unquote)
            .filter(|n| !n.is_empty())
            .collect();
        return format!(
            "must be one of {}, not \"{}\"",
            either(&names),
            unquote(value)
        );
    }
    for (prefix, exact) in [("invalid type: ", false), ("invalid value: ", true)] {
        if let Some(rest) = message.strip_prefix(prefix)
            && let Some((found, expected)) = rest.split_once(", expected ")
        {
            return format!(
                "must be {}, not {}",
                expected_words(expected, exact),
                found_words(found)
            );
        }
    }
    if let Some(rest) = message.strip_prefix("invalid length ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        if expected.starts_with("struct ") {
            return "must be a JSON object, not a list".to_owned();
        }
        return format!(
            "must be {}, not a list of {found}",
            expected_words(expected, true)
        );
    }
    let syntax = [
        (
            "EOF while parsing",
            "the text ends before the JSON does: is the file cut short?",
        ),
        (
            "trailing characters",
            "something follows the end of the JSON",
        ),
        ("trailing comma", "a comma is followed by nothing"),
        ("expected `:`", "a : is missing after the field name"),
        ("expected `,` or `}`", "a , or } is missing"),
        ("expected `,` or `]`", "a , or ] is missing"),
        (
            "expected value",
            "a value is expected here: text in quotes, a number, true, false, null, a list or an object",
        ),
        (
            "expected ident",
            "a value is expected here: true, false or null are written in small letters",
        ),
        (
            "key must be a string",
            "a field name must be text in quotes",
        ),
        (
            "invalid escape",
            "a \\ escape in the text is not one JSON knows",
        ),
        (
            "control character",
            "the text holds a control character: write it as \\u0000 to \\u001f",
        ),
        (
            "invalid number",
            "the number is not written as JSON writes numbers",
        ),
        ("number out of range", "the number is too large"),
        ("recursion limit exceeded", "the JSON is nested too deeply"),
        ("lone leading surrogate", "a \\u escape names no character"),
        (
            "invalid unicode code point",
            "a \\u escape names no character",
        ),
    ];
    syntax
        .iter()
        .find(|(start, _)| message.starts_with(start))
        .map_or_else(|| message.to_owned(), |(_, words)| (*words).to_owned())
}

/// `` `name` `` without its backquotes.
fn unquote(text: &str) -> &str {
    text.trim().trim_matches('`')
}

/// "a", "a or b", "a, b or c".
fn either(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// What serde expected, as a person says it; `exact` adds a number's range.
fn expected_words(expected: &str, exact: bool) -> String {
    let unsigned = |max: &str| {
        if exact {
            format!("a whole number from 0 to {max}")
        } else {
            "a whole number".to_owned()
        }
    };
    match expected {
        "u8" => unsigned("255"),
        "u16" => unsigned("65,535"),
        "u32" => unsigned("4,294,967,295"),
        "u64" | "usize" if exact => "a whole number of 0 or more".to_owned(),
        "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize" => "a whole number".to_owned(),
        "f32" | "f64" => "a number".to_owned(),
        "a string" | "a borrowed string" | "string" => "text in quotes".to_owned(),
        "a boolean" => "true or false".to_owned(),
        "a sequence" | "a tuple" => "a list".to_owned(),
        "a map" => "a JSON object".to_owned(),
        "a character" | "a char" => "one character in quotes".to_owned(),
        "unit" => "null".to_owned(),
        e if e.starts_with("struct ") || e.starts_with("internally tagged enum") => {
            "a JSON object".to_owned()
        }
        e if e.starts_with("tuple of ") => "a list".to_owned(),
        other => other.to_owned(),
    }
}

/// What serde found, as a person says it.
fn found_words(found: &str) -> String {
    if let Some(text) = found.strip_prefix("string ") {
        return format!("the text {text}");
    }
    for kind in ["integer ", "floating point ", "boolean ", "char "] {
        if let Some(value) = found.strip_prefix(kind) {
            return unquote(value).to_owned();
        }
    }
    match found {
        "sequence" => "a list".to_owned(),
        "map" => "a JSON object".to_owned(),
        "unit value" | "unit" | "null" => "null".to_owned(),
        other => other.to_owned(),
    }
}
