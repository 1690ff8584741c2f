//! The filter bar of an activity page: text, from and to dates, person, kind and, on the
//! Console-wide page, account. Every choice goes to the URL through the page's view; a date
//! range the domain refuses is said under the dates.

use leptos::prelude::*;

use super::query::ActivityView;
use crate::components::search::SearchBox;
use crate::domain::{AccountSid, ActivityKind};

/// The filter bar. `accounts` is given on the Console-wide page only.
#[component]
pub fn ActivityFilters(
    /// The page's state in the URL.
    view_state: ActivityView,
    /// The people in the log, as (key, name), for the Person select.
    #[prop(into)]
    people: Signal<Vec<(String, String)>>,
    /// The signed-in user's person key, marked "(you)".
    #[prop(into)]
    me: String,
    /// The accounts in the log, for the Account select (the Console-wide page).
    #[prop(optional, into)]
    accounts: Option<Signal<Vec<(AccountSid, String)>>>,
) -> impl IntoView {
    let query = view_state.query;
    // The domain's word on the dates: none when they make a range.
    let date_error = Memo::new(move |_| query.with(|q| q.filter().err().map(|e| e.to_string())));
    let invalid = move || date_error.with(Option::is_some).to_string();
    let date = move |id: &'static str, label: &'static str, from: bool| {
        view! {
            <div class="form-field form-field-date">
                <label class="field-label" for=id>{label}</label>
                <input
                    class="input"
                    id=id
                    type="date"
                    aria-invalid=invalid
                    aria-describedby=move || date_error.with(Option::is_some).then_some("activity-date-error")
                    prop:value=move || query.with(|q| if from { q.from.clone() } else { q.to.clone() })
                    on:change=move |ev| {
                        let text = event_target_value(&ev);
                        view_state.update(|q| {
                            if from { q.from = text } else { q.to = text }
                            q.page = 1;
                        });
                    }
                />
            </div>
        }
    };
    let account_select = accounts.map(|accounts| {
        view! {
            <div class="form-field">
                <label class="field-label" for="activity-account">"Account"</label>
                <select
                    class="input"
                    id="activity-account"
                    on:change=move |ev| {
                        let account = event_target_value(&ev).parse().ok();
                        view_state.update(|q| {
                            q.account = account;
                            q.page = 1;
                        });
                    }
                >
                    <option value="" prop:selected=move || query.with(|q| q.account.is_none())>"All accounts"</option>
                    {move || accounts.get().into_iter().map(|(sid, name)| {
                        let key = sid.to_string();
                        let chosen = sid;
                        view! {
                            <option value=key prop:selected=move || query.with(|q| q.account.as_ref() == Some(&chosen))>{name}</option>
                        }
                    }).collect_view()}
                    // A link may name an account not in the list (left since): the select
                    // says so rather than showing "All accounts" over an empty list.
                    {move || {
                        let chosen = query.with(|q| q.account)?;
                        let listed = accounts.with(|a| a.iter().any(|(sid, _)| *sid == chosen));
                        (!listed).then(|| view! {
                            <option value=chosen.to_string() selected>"An account whose log you cannot read"</option>
                        })
                    }}
                </select>
            </div>
        }
    });
    view! {
        <SearchBox
            id="activity-search"
            what="Filter the activity"
            placeholder="What, who or account"
            value=Signal::derive(move || query.with(|q| q.text.clone()))
            on_input=Callback::new(move |text| view_state.update(|q| {
                q.text = text;
                q.page = 1;
            }))
        >
            {date("activity-from", "From", true)}
            {date("activity-to", "To", false)}
            <div class="form-field">
                <label class="field-label" for="activity-person">"Person"</label>
                <select
                    class="input"
                    id="activity-person"
                    on:change=move |ev| {
                        let person = event_target_value(&ev);
                        view_state.update(|q| {
                            q.person = person;
                            q.page = 1;
                        });
                    }
                >
                    <option value="" prop:selected=move || query.with(|q| q.person.is_empty())>"Everyone"</option>
                    {move || people.get().into_iter().map(|(key, who)| {
                        let label = if key == me { format!("{who} (you)") } else { who };
                        let chosen = key.clone();
                        view! {
                            <option value=key prop:selected=move || query.with(|q| q.person == chosen)>{label}</option>
                        }
                    }).collect_view()}
                    {move || {
                        let chosen = query.with(|q| q.person.clone());
                        let listed = chosen.is_empty() || people.with(|p| p.iter().any(|(key, _)| *key == chosen));
                        (!listed).then(|| view! {
                            <option value=chosen selected>"Someone not in this log"</option>
                        })
                    }}
                </select>
            </div>
            <div class="form-field">
                <label class="field-label" for="activity-kind">"Kind"</label>
                <select
                    class="input"
                    id="activity-kind"
                    prop:value=move || query.with(|q| q.kind.map(ActivityKind::key).unwrap_or_default())
                    on:change=move |ev| {
                        let kind = ActivityKind::from_key(&event_target_value(&ev));
                        view_state.update(|q| {
                            q.kind = kind;
                            q.page = 1;
                        });
                    }
                >
                    <option value="">"All kinds"</option>
                    {ActivityKind::ALL
                        .into_iter()
                        .map(|k| view! { <option value=k.key()>{k.label()}</option> })
                        .collect_view()}
                </select>
            </div>
            {account_select}
        </SearchBox>
        <p class="field-error" id="activity-date-error" role="alert" data-testid="activity-date-error">
            {move || date_error.get()}
        </p>
    }
}
