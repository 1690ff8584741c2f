//! The skills catalogue: the skills Flex admins define in the Flex configuration
//! (`taskrouter_skills`), which admins and supervisors give agents in the Teams view, and
//! which task queues route on (`routing.skills HAS 'sales'`).

use crate::console::Console;
use crate::flex::worker::Worker;
use crate::sid::AccountSid;
use serde::{Deserialize, Serialize};

/// Longest skill name.
pub const SKILL_NAME_MAX: usize = 64;
/// Most skills a catalogue holds.
pub const MAX_SKILLS: usize = 100;

/// A skill of the catalogue, as Flex's configuration writes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skill {
    /// The skill's name, as agents' `routing.skills` list it (e.g. "sales").
    pub name: String,
    /// Whether the skill has levels (then an agent holds it at a level from minimum to
    /// maximum, kept in `routing.levels`).
    pub multivalue: bool,
    /// The lowest level, when it has levels.
    #[serde(default)]
    pub minimum: Option<u32>,
    /// The highest level, when it has levels.
    #[serde(default)]
    pub maximum: Option<u32>,
}

impl Skill {
    /// The levels an agent may hold it at (None: it has no levels).
    pub fn levels(&self) -> Option<(u32, u32)> {
        self.multivalue
            .then(|| (self.minimum.unwrap_or(0), self.maximum.unwrap_or(10)))
    }
}

/// Why a skill's definition is refused, or None: a name of 1 to 64 characters without a
/// hyphen (TaskRouter expressions do not support them), and levels from low to high.
pub fn skill_problem(skill: &Skill) -> Option<String> {
    let name = skill.name.trim();
    if name.is_empty() {
        return Some("Enter the skill's name.".to_owned());
    }
    if name.chars().count() > SKILL_NAME_MAX {
        return Some(format!(
            "A skill's name has at most {SKILL_NAME_MAX} characters."
        ));
    }
    if name.contains('-') {
        return Some(
            "Hyphens are not supported in TaskRouter expressions, so a skill's name cannot hold one (use _ instead)."
                .to_owned(),
        );
    }
    if name.contains(['\'', '"']) {
        return Some("A skill's name cannot hold quotes.".to_owned());
    }
    match (skill.multivalue, skill.minimum, skill.maximum) {
        (true, Some(min), Some(max)) if min > max => Some(format!(
            "The minimum level ({min}) must not be above the maximum ({max})."
        )),
        (true, None, _) | (true, _, None) => {
            Some("A skill with levels needs a minimum and a maximum level.".to_owned())
        }
        _ => None,
    }
}

impl Console {
    /// The agents of `account` who hold the skill `name`, switched on or off (in
    /// `routing.skills` or `disabled_skills.skills`): while any does, it stays in the catalogue.
    pub fn skill_holders(&self, account: &AccountSid, name: &str) -> Vec<&Worker> {
        self.workers(account)
            .filter(|w| {
                w.routing.skills.iter().any(|s| s == name)
                    || w.disabled_skills.skills.iter().any(|s| s == name)
            })
            .collect()
    }
}
