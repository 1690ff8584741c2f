//! Scenario files: a whole Console with its name and its own "now", as JSON.
//!
//! The same format serves the files under `public/scenarios/`, exports and imports:
//! `{ "format": 1, "name": "...", "description": "...", "now": <ms>, "console": <Console> }`.
//! Reading validates the Console completely ([`Console::from_json`]) and names the JSON
//! path of the first bad field.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::fmt;

use crate::domain::{
    Console, DEMO_NOW, ImportError, Timestamp, json_path_at, plain_words, scenarios::SCALE_START,
};

/// The scenario file format this build reads and writes.
pub const FORMAT: u32 = 1;
/// The seed of the shipped scale scenario.
pub const SCALE_SEED: u64 = 1;

/// A named Console and the moment it is meant to be looked at.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    /// Short name, e.g. "demo".
    pub name: String,
    /// What it shows.
    pub description: String,
    /// The Console time it opens at.
    pub now: Timestamp,
    /// The state.
    pub console: Console,
}

/// Why a scenario file could not be read: the JSON path of the first bad field and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScenarioError {
    /// JSON path of the bad field ("" for the whole document).
    pub path: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = if self.path.is_empty() {
            "the document"
        } else {
            &self.path
        };
        write!(f, "{at}: {}", self.message)
    }
}

#[derive(Deserialize)]
struct Envelope<'a> {
    format: u32,
    name: String,
    #[serde(default)]
    description: String,
    now: Timestamp,
    #[serde(borrow)]
    console: &'a RawValue,
}

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    format: u32,
    name: &'a str,
    description: &'a str,
    now: Timestamp,
    console: &'a Console,
}

impl Scenario {
    /// The built-in demo scenario, as of [`DEMO_NOW`].
    pub fn demo() -> Scenario {
        Scenario {
            name: "demo".into(),
            description: "Five accounts that show every rule: roles, invitations, Flex on trial and paid, a suspended and a closed account.".into(),
            now: DEMO_NOW,
            console: Console::demo(),
        }
    }

    /// The scale scenario: Twilio's limits (1,000 accounts, a workspace of 15,000 workers).
    pub fn scale() -> Scenario {
        Scenario {
            name: "scale".into(),
            description: "1,000 accounts, 3,000 Console users and one Flex workspace at its 15,000-worker limit.".into(),
            now: SCALE_START.plus_days(1),
            console: Console::scale(SCALE_SEED),
        }
    }

    /// Reads a scenario file, validating the Console completely.
    pub fn parse(text: &str) -> Result<Scenario, ScenarioError> {
        let envelope: Envelope = serde_json::from_str(text).map_err(|e| {
            let message = e.to_string();
            let message = message.split(" at line ").next().unwrap_or(&message);
            let whole = message.starts_with("missing field");
            let path = json_path_at(text, e.line(), e.column(), whole);
            let mut message = plain_words(message);
            // The whole file of another shape: say what a scenario file is.
            if path.is_empty()
                && let Some(found) = message.strip_prefix("must be a JSON object, not ")
            {
                message = format!(
                    "must be a scenario or export file, a JSON object with format, name, now and console; this is {found}"
                );
            }
            ScenarioError { path, message }
        })?;
        if envelope.format != FORMAT {
            return Err(ScenarioError {
                path: "format".into(),
                message: format!(
                    "format {} is not supported (this version reads format {FORMAT})",
                    envelope.format
                ),
            });
        }
        let console = Console::from_json(envelope.console.get()).map_err(|e| match e {
            ImportError::Json { path, message, .. } => ScenarioError {
                path: under_console(&path),
                message,
            },
            ImportError::Invalid(v) => ScenarioError {
                path: under_console(&v.path),
                message: v.problem,
            },
        })?;
        // The clock within the range the commands keep, and not before what the data says
        // has happened: the commands run at it must date their changes after what is there.
        console.check_now(envelope.now).map_err(|e| ScenarioError {
            path: e.path,
            message: e.problem,
        })?;
        Ok(Scenario {
            name: envelope.name,
            description: envelope.description,
            now: envelope.now,
            console,
        })
    }

    /// The scenario file text (compact JSON).
    pub fn to_json(&self) -> String {
        let out = EnvelopeOut {
            format: FORMAT,
            name: &self.name,
            description: &self.description,
            now: self.now,
            console: &self.console,
        };
        // The Console is plain data with string keys: serializing it cannot fail.
        serde_json::to_string(&out).unwrap_or_default()
    }
}

fn under_console(path: &str) -> String {
    if path.is_empty() {
        "console".into()
    } else {
        format!("console.{path}")
    }
}

/// Whether `name` may be fetched as `scenarios/NAME.json` (no path tricks).
pub fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Fetches `scenarios/NAME.json`, relative to the page's `<base href>`.
pub async fn fetch(name: &str) -> Result<Scenario, String> {
    if !valid_name(name) {
        return Err(format!(
            "\u{201c}{name}\u{201d} is not a scenario name (letters, digits, - and _ only)."
        ));
    }
    let url = format!("scenarios/{name}.json");
    let response = gloo_net::http::Request::get(&url)
        .send()
        .await
        .map_err(|e| format!("Could not fetch {url}: {e}"))?;
    if !response.ok() {
        return Err(format!(
            "Could not fetch {url}: HTTP {} {}",
            response.status(),
            response.status_text()
        ));
    }
    let text = response
        .text()
        .await
        .map_err(|e| format!("Could not read {url}: {e}"))?;
    Scenario::parse(&text).map_err(|e| format!("{url} is not a valid scenario: {e}"))
}

/// A scenario file written from a borrowed Console (export, without copying the state).
pub struct Borrowed<'a> {
    /// Short name.
    pub name: &'a str,
    /// What it shows.
    pub description: &'a str,
    /// The Console time it opens at.
    pub now: Timestamp,
    /// The state.
    pub console: &'a Console,
}

impl Borrowed<'_> {
    /// The scenario file text (compact JSON). Its clock is never before the latest change
    /// the state records (a tab's clock may trail another's by a tick), so it reads again.
    pub fn to_json(&self) -> String {
        let out = EnvelopeOut {
            format: FORMAT,
            name: self.name,
            description: self.description,
            now: self.now.max(self.console.latest_moment()),
            console: self.console,
        };
        serde_json::to_string(&out).unwrap_or_default()
    }
}
