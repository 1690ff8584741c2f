//! Loading and saving the Console as JSON.
//!
//! [`Console::from_json`] reads in three steps: serde (which already rejects malformed
//! SIDs, emails, tokens and role sets, since those types deserialize through their own
//! checks), [`Console::reindex`], then [`Console::validate`] for the rules that span
//! several fields. serde_json reports only a line and column, so the JSON path of a
//! reading error is recovered by re-scanning the text up to that position.

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
            let message = full.strip_suffix(&suffix).unwrap_or(&full).to_owned();
            // serde reports a missing field at the object's closing brace, and a bad
            // value just before the next token, which after an object's last field is
            // also that brace: the message tells the two apart.
            let whole_object = message.starts_with("missing field");
            ImportError::Json {
                path: json_path_at(text, line, column, whole_object),
                line,
                column,
                message,
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
