//! Replacing the whole state (a scenario by link or reset, an import, a restore point) and where
//! it stands: asked, loading, saving, done or failed. It is done only once its transaction has
//! committed; until then a reload finds the state from before.

/// What replaces the whole state.
#[derive(Clone, Debug, PartialEq)]
pub enum Replacing {
    /// A scenario, by name: a `?scenario=` link or a reset.
    Scenario(String),
    /// An imported file, by the name written in it.
    Import(String),
    /// A restore point: when it was kept, and what replaced it then.
    Restore {
        /// When the state was kept, in local time.
        when: String,
        /// What replaced it then ("the demo scenario").
        replaced_by: String,
    },
}

impl Replacing {
    /// What the restore point of the state it replaces says replaced it.
    pub fn replaced_by(&self) -> String {
        match self {
            Replacing::Scenario(name) => format!("the {name} scenario"),
            Replacing::Import(name) => format!("the imported file \u{201c}{name}\u{201d}"),
            Replacing::Restore { when, .. } => format!("restoring the data from before {when}"),
        }
    }
}

/// Where replacing the whole state stands.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum ReplaceStatus {
    /// Nothing is being replaced.
    #[default]
    Idle,
    /// A link asks to load this scenario, and the current data has changes since it was
    /// loaded: the person is asked first.
    Asking {
        /// The scenario's name.
        name: String,
        /// How many changes the current data holds.
        changes: u64,
    },
    /// What replaces the state is being read (a scenario file fetched, a restore point read).
    Loading(Replacing),
    /// The new state is shown and being written; a reload meanwhile finds the state from before.
    Saving(Replacing),
    /// The new state is written: a reload finds it.
    Done(Replacing),
    /// It could not be read; the state is unchanged.
    Failed {
        /// What was to replace the state.
        what: Replacing,
        /// Why, naming the bad field for invalid files.
        reason: String,
    },
}
