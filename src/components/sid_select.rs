//! A select over a list that can change while it is open (the members a dialog offers, the
//! accounts with Flex, an account's Studio flows, queues): the choice is kept by its SID, not
//! by its place in the list, so the option shown is the one chosen however the list changes
//! around it; when the chosen item leaves the list the choice is cleared and the form says
//! so. What a form submits ([`SidChoice::chosen`]) is what the select shows.
//!
//! The options are keyed by SID and each says for itself whether it is selected, so an
//! option drawn again, moved or removed never hands the selection to another one (a select
//! redrawn in place keeps its selected *index*, which then names someone else).

use leptos::prelude::*;

use crate::components::offer::unique_id;

/// One option: its SID (the value) and its text.
pub type SidOption = (String, String);

/// The choice of a [`SidSelect`]: the SID picked, kept while the list changes.
#[derive(Clone, Copy)]
pub struct SidChoice {
    picked: RwSignal<Option<SidOption>>,
    /// The SID chosen while it is still listed: what the select shows and a form submits.
    pub chosen: Memo<Option<String>>,
    /// The text of the option picked when it has left the list (the form says so), or None.
    pub gone: Memo<Option<String>>,
    options: Signal<Vec<SidOption>>,
}

impl SidChoice {
    /// A choice over `options`, starting on `initial` (a SID) when given.
    pub fn new(options: Signal<Vec<SidOption>>, initial: Option<String>) -> SidChoice {
        let start = initial.and_then(|sid| {
            options.with_untracked(|list| list.iter().find(|(s, _)| *s == sid).cloned())
        });
        let picked = RwSignal::new(start);
        let chosen = Memo::new(move |_| {
            let sid = picked.with(|p| p.as_ref().map(|(sid, _)| sid.clone()))?;
            options
                .with(|list| list.iter().any(|(s, _)| *s == sid))
                .then_some(sid)
        });
        let gone = Memo::new(move |_| {
            let (sid, text) = picked.get()?;
            (!options.with(|list| list.iter().any(|(s, _)| *s == sid))).then_some(text)
        });
        SidChoice {
            picked,
            chosen,
            gone,
            options,
        }
    }

    /// Picks the option with this SID (nothing, for a SID not listed).
    pub fn pick(&self, sid: &str) {
        let option = self
            .options
            .with_untracked(|list| list.iter().find(|(s, _)| s == sid).cloned());
        self.picked.set(option);
    }

    /// Forgets the choice (the select shows its prompt again).
    pub fn clear(&self) {
        self.picked.set(None);
    }

    /// The chosen SID parsed as `S` (tracked).
    pub fn get<S: std::str::FromStr>(&self) -> Option<S> {
        self.chosen
            .with(|c| c.as_deref().and_then(|s| s.parse().ok()))
    }

    /// [`SidChoice::get`] without tracking, for a submit handler.
    pub fn get_untracked<S: std::str::FromStr>(&self) -> Option<S> {
        self.chosen
            .with_untracked(|c| c.as_deref().and_then(|s| s.parse().ok()))
    }
}

/// The select of a [`SidChoice`], with the line that says when the chosen item left the list.
#[component]
pub fn SidSelect(
    /// The choice it shows and changes.
    choice: SidChoice,
    /// The select's id, for its `<label for>`.
    #[prop(into)]
    id: String,
    /// The prompt shown while nothing is chosen, e.g. "Choose a member".
    prompt: &'static str,
    /// Why a chosen item is no longer offered, after its text: "is no longer a member of this
    /// account".
    left: &'static str,
    /// Ids of other elements describing the select (a refusal's reason).
    #[prop(optional, into)]
    described_by: MaybeProp<String>,
    /// Extra classes after `input`.
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let note = unique_id("sid-select-gone");
    let note_id = note.clone();
    let described = move || {
        let mut ids: Vec<String> = described_by.get().into_iter().collect();
        if choice.gone.with(Option::is_some) {
            ids.push(note_id.clone());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    let chosen = choice.chosen;
    view! {
        <select
            id=id
            class=format!("input {class}")
            aria-describedby=described
            on:change=move |ev| choice.pick(&event_target_value(&ev))
        >
            <option value="" disabled prop:selected=move || chosen.with(Option::is_none)>{prompt}</option>
            <For each=move || choice.options.get() key=|option| option.clone() let:option>
                {
                    let (sid, text) = option;
                    let value = sid.clone();
                    view! {
                        <option value=value prop:selected=move || chosen.with(|c| c.as_deref() == Some(sid.as_str()))>
                            {text}
                        </option>
                    }
                }
            </For>
        </select>
        <p id=note class="field-error" role="status" data-testid="choice-gone">
            {move || choice.gone.get().map(|text| format!("{text} {left}; choose again."))}
        </p>
    }
}
