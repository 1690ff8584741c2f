//! Jump anywhere: Ctrl+K (Cmd+K on macOS, or `/` when no field has focus) opens a palette that
//! finds pages, accounts, people, workers and resources by name or SID, and the actions the
//! domain allows here. One search field in the ARIA combobox pattern: a listbox of results
//! grouped by kind, arrows to move, Enter to go, Escape to close (focus goes back).

pub mod index;

use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::account_switcher::current_account;
use super::dialog::Dialog;
use super::listbox;
use crate::domain::resources::Resource;
use crate::domain::{AccountPage, Actor, DomainError};
use crate::store::Store;
use index::{Entry, entries, results};

/// How many results of each kind are listed.
const PER_GROUP: usize = 6;

/// Whether the palette is open; provided by the shell, opened by the shortcuts.
#[derive(Clone, Copy)]
pub struct PaletteState {
    /// The palette open now (each opening is a new one), if any.
    open: RwSignal<Option<u64>>,
    /// The one that is closing: it went somewhere, and its dialog's close event is still on
    /// its way. Opening again meanwhile makes a new palette, which that event must not close.
    closing: StoredValue<Option<u64>>,
}

impl PaletteState {
    /// Provides a closed palette.
    pub fn provide() -> PaletteState {
        let state = PaletteState {
            open: RwSignal::new(None),
            closing: StoredValue::new(None),
        };
        provide_context(state);
        state
    }

    /// The palette's state.
    pub fn get() -> PaletteState {
        expect_context::<PaletteState>()
    }

    /// Opens it (again, if the one open is on its way out).
    pub fn open(self) {
        let (now, closing) = (self.open.get_untracked(), self.closing.get_value());
        if now.is_none() || now == closing {
            self.open.set(Some(now.map_or(0, |n| n + 1)));
        }
    }

    /// Marks opening `id` as closing (a choice was made).
    fn closing(self, id: u64) {
        self.closing.set_value(Some(id));
    }

    /// Opening `id` has closed: the palette is closed unless another opened since.
    fn closed(self, id: u64) {
        if self.open.get_untracked() == Some(id) {
            self.open.set(None);
        }
    }
}

/// The palette, mounted for each opening so it starts empty each time.
#[component]
pub fn Palette() -> impl IntoView {
    let state = PaletteState::get();
    move || {
        state.open.get().map(|id| {
            view! {
                <PaletteDialog
                    on_leave=Callback::new(move |()| state.closing(id))
                    on_close=Callback::new(move |()| state.closed(id))
                />
            }
        })
    }
}

/// What the palette says about a full SID typed or pasted.
#[derive(Clone, Debug, PartialEq)]
enum Pasted {
    /// Not a SID of this Console.
    Unknown,
    /// Found where the user may see it: the first result goes there.
    Visible,
    /// Found, but not for this user: why.
    Hidden(String),
}

#[component]
fn PaletteDialog(
    /// A result was chosen: the palette is on its way out.
    on_leave: Callback<()>,
    on_close: Callback<()>,
) -> impl IntoView {
    let store = Store::get();
    let navigate = use_navigate();
    let account = current_account();
    let opened = super::dialog::Opened::new();
    let typed = RwSignal::new(String::new());
    let active = RwSignal::new(0usize);
    let input = NodeRef::<html::Input>::new();
    // Built once per change of the state (or of the account open), not per keystroke.
    let index = Memo::new(move |_| {
        let Some(user) = store.signed_in() else {
            return Vec::new();
        };
        let now = store.now();
        store.with(|c| entries(c, user, account.get(), now))
    });
    let shown = Memo::new(move |_| {
        let text = typed.get();
        index.with(|all| {
            results(all, &text, PER_GROUP)
                .into_iter()
                .cloned()
                .collect::<Vec<Entry>>()
        })
    });
    let pasted = Memo::new(move |_| {
        let text = typed.get();
        let text = text.trim();
        if text.len() != 34 || !text.is_ascii() {
            return None;
        }
        let user = store.signed_in()?;
        let actor = Actor::User(user);
        Some(index.with(|all| store.with(|c| explain(c, &actor, text, all))))
    });
    // Going to an account counts it as recent: the account switcher sees it opened.
    let go = move |entry: Entry| {
        on_leave.run(());
        opened.close();
        navigate(&entry.target.path, Default::default());
    };
    let on_key = {
        let go = go.clone();
        move |ev: KeyboardEvent| {
            if listbox::key(&ev, shown.with(Vec::len), active)
                && let Some(entry) = shown.with(|s| s.get(active.get_untracked()).cloned())
            {
                go(entry);
            }
        }
    };
    view! {
        <Dialog open=opened.signal() on_close title="Jump to">
            <div class="palette" data-testid="palette">
                <label class="visually-hidden" for="palette-search">"Find a page, account, person or resource by name or SID"</label>
                <input
                    id="palette-search"
                    node_ref=input
                    class="input palette-input"
                    type="text"
                    autocomplete="off"
                    spellcheck="false"
                    role="combobox"
                    aria-autocomplete="list"
                    aria-controls="palette-results"
                    aria-expanded="true"
                    aria-activedescendant=move || shown.with(|s| (!s.is_empty()).then(|| format!("palette-option-{}", active.get())))
                    placeholder="Name or SID: twiml, maria, WK…, AC…"
                    prop:value=move || typed.get()
                    on:input=move |ev| {
                        typed.set(event_target_value(&ev));
                        active.set(0);
                    }
                    on:keydown=on_key
                />
                {move || match pasted.get() {
                    Some(Pasted::Hidden(why)) => Some(view! { <p class="palette-note" role="status" data-testid="palette-hidden">{why}</p> }),
                    _ => None,
                }}
                <ul id="palette-results" role="listbox" aria-label="Results" class="palette-results">
                    {move || {
                        let list = shown.get();
                        let mut last = None;
                        list.into_iter().enumerate().map(|(i, entry)| {
                            let heading = (last != Some(entry.group)).then(|| entry.group.heading());
                            last = Some(entry.group);
                            let chosen = entry.clone();
                            let go = go.clone();
                            view! {
                                {heading.map(|h| view! { <li role="presentation" class="palette-group">{h}</li> })}
                                <li
                                    id=format!("palette-option-{i}")
                                    role="option"
                                    class="palette-option"
                                    class:active=move || active.get() == i
                                    aria-selected=move || (active.get() == i).to_string()
                                    on:mousedown=move |ev| ev.prevent_default()
                                    on:click=move |_| go(chosen.clone())
                                >
                                    <span class="palette-label">{entry.label.clone()}</span>
                                    <span class="palette-detail">{entry.detail.clone()}</span>
                                    {entry.sid.clone().map(|sid| view! { <code class="palette-sid">{sid}</code> })}
                                </li>
                            }
                        }).collect_view()
                    }}
                </ul>
                <p class="palette-empty" role="status" aria-live="polite">
                    {move || shown.with(|s| s.is_empty()).then(|| match pasted.get() {
                        Some(Pasted::Hidden(_)) => String::new(),
                        _ => "Nothing found. Try a name, part of a number, or a SID.".to_owned(),
                    })}
                </p>
                <p class="hint palette-keys">"↑ ↓ to move · Enter to go · Esc to close"</p>
            </div>
        </Dialog>
    }
}

/// What the palette says about the SID `text`: found where the user sees it (among the
/// results), found where they may not (and why, in the domain's words), or unknown.
fn explain(c: &crate::domain::Console, actor: &Actor, text: &str, visible: &[Entry]) -> Pasted {
    if visible.iter().any(|e| {
        e.sid
            .as_deref()
            .is_some_and(|s| s.eq_ignore_ascii_case(text))
    }) {
        return Pasted::Visible;
    }
    let found: Vec<(crate::domain::AccountSid, Resource)> = c.locate(text);
    let Some((account, resource)) = found.first() else {
        return Pasted::Unknown;
    };
    let page: AccountPage = resource.kind.page();
    let what = format!("{} is {}", resource.sid, resource.kind.with_article());
    match c.may_open(actor, account, page) {
        Err(DomainError::NotAMember { .. }) | Ok(()) => Pasted::Hidden(format!(
            "{what} in an account you are not a member of, so you cannot open it."
        )),
        Err(why) => Pasted::Hidden(format!("{what} you may not see here: {why}")),
    }
}
