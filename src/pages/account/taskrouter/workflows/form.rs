//! The workflow form's value: a [`Draft`] over the workflow's spec and revision, and the JSON
//! view's own text while it is being typed. Both views show one value: an edit in the form
//! writes the configuration and the JSON follows; JSON typed that reads as a configuration
//! becomes the value and the form follows; JSON that does not read keeps its text and its
//! mistake (line and column, from the domain) until it is corrected.

use leptos::prelude::*;

use crate::components::draft::Draft;
use crate::domain::taskrouter::ConfigurationJsonError;
use crate::domain::{Filter, Target, WorkflowConfiguration, WorkflowSpec};

/// The workflow form's state.
#[derive(Clone, Copy)]
pub struct WorkflowForm {
    /// The spec and the revision the save carries.
    pub draft: Draft<WorkflowSpec>,
    /// The JSON as typed, while it differs from the value's own printing (None: it follows).
    pub json: RwSignal<Option<String>>,
    /// What is wrong with the JSON typed, if anything.
    pub json_error: RwSignal<Option<ConfigurationJsonError>>,
}

impl WorkflowForm {
    /// The form over a workflow's spec and revision as stored.
    pub fn new(stored: Memo<Option<(WorkflowSpec, u64)>>) -> WorkflowForm {
        WorkflowForm {
            draft: Draft::new(stored),
            json: RwSignal::new(None),
            json_error: RwSignal::new(None),
        }
    }

    /// Part of the value (tracked).
    pub fn read<R>(&self, part: impl Fn(&WorkflowSpec) -> R) -> Option<R> {
        self.draft.read(part)
    }

    /// Part of filter `i` (tracked).
    pub fn filter<R>(&self, i: usize, part: impl Fn(&Filter) -> R) -> Option<R> {
        self.draft
            .read(|s| s.configuration.filters.get(i).map(&part))
            .flatten()
    }

    /// Part of step `j` of filter `i` (tracked).
    pub fn step<R>(&self, i: usize, j: usize, part: impl Fn(&Target) -> R) -> Option<R> {
        self.draft
            .read(|s| {
                s.configuration
                    .filters
                    .get(i)
                    .and_then(|f| f.targets.get(j))
                    .map(&part)
            })
            .flatten()
    }

    /// Changes the value from the form: the JSON view follows it again.
    pub fn edit(&self, change: impl FnOnce(&mut WorkflowSpec)) {
        self.json.set(None);
        self.json_error.set(None);
        self.draft.edit(change);
    }

    /// Changes filter `i`.
    pub fn edit_filter(&self, i: usize, change: impl FnOnce(&mut Filter)) {
        self.edit(|s| {
            if let Some(f) = s.configuration.filters.get_mut(i) {
                change(f);
            }
        });
    }

    /// Changes step `j` of filter `i`.
    pub fn edit_step(&self, i: usize, j: usize, change: impl FnOnce(&mut Target)) {
        self.edit_filter(i, |f| {
            if let Some(t) = f.targets.get_mut(j) {
                change(t);
            }
        });
    }

    /// The JSON the view shows (tracked): as typed, or the value printed in Twilio's shape.
    pub fn json_text(&self) -> String {
        self.json.get().unwrap_or_else(|| {
            self.draft
                .read(|s| s.configuration.to_json())
                .unwrap_or_default()
        })
    }

    /// JSON typed in the view: the value when it reads as a configuration, else its mistake.
    pub fn type_json(&self, text: String) {
        match WorkflowConfiguration::from_json(&text) {
            Ok(configuration) => {
                self.json_error.set(None);
                self.draft.edit(|s| s.configuration = configuration);
            }
            Err(e) => self.json_error.set(Some(e)),
        }
        self.json.set(Some(text));
    }

    /// Drops every edit: the form and the JSON show the workflow as stored.
    pub fn reload(&self) {
        self.json.set(None);
        self.json_error.set(None);
        self.draft.reload();
    }
}
