//! Buying a number: search the simulated list by area code and digits, then buy one.

use leptos::prelude::*;

use crate::components::dialog::{Dialog, DialogFooter};
use crate::components::form_problem::FormProblem;
use crate::components::offer::ActionButton;
use crate::components::toast::Toasts;
use crate::domain::products::AREA_CODES;
use crate::domain::{Command, national_format};
use crate::pages::account::AccountScope;
use crate::store::Store;

/// How many offers a search shows.
const OFFERS: usize = 20;

/// The "Buy a number" dialog. A refusal (e.g. a trial account's one-number limit) stays
/// in the dialog next to the list.
#[component]
pub fn BuyDialog(
    /// Whether the dialog is shown.
    open: RwSignal<bool>,
) -> impl IntoView {
    let store = Store::get();
    let scope = AccountScope::get();
    let toasts = Toasts::get();
    let area = RwSignal::new(String::new());
    let digits = RwSignal::new(String::new());
    let refusal = RwSignal::new(None::<String>);
    let offers = Memo::new(move |_| {
        let area = area.get();
        let digits = digits.get();
        store.with(|c| {
            let area = (!area.is_empty()).then_some(area.as_str());
            c.available_numbers(area, &digits, OFFERS)
        })
    });
    let account = scope.account;
    let buy = Callback::new(move |e164: String| {
        let result = store.apply(Command::BuyPhoneNumber {
            account,
            phone_number: e164.clone(),
        });
        toasts.outcome(
            &result,
            format!(
                "You bought {}. Route it to a Studio flow to answer it in Flex.",
                national_format(&e164)
            ),
        );
        match result {
            Ok(_) => {
                refusal.set(None);
                open.set(false);
            }
            Err(e) => refusal.set(Some(e.to_string())),
        }
    });
    view! {
        <Dialog open on_close=Callback::new(move |()| open.set(false)) title="Buy a number">
            <div class="filter-bar" role="search" aria-label="Available numbers">
                <div class="form-field">
                    <label class="field-label" for="buy-area">"Area code"</label>
                    <select class="input" id="buy-area" on:change=move |ev| area.set(event_target_value(&ev))>
                        <option value="">"Any (United States)"</option>
                        {AREA_CODES
                            .into_iter()
                            .map(|(code, place)| view! { <option value=code>{format!("{code} – {place}")}</option> })
                            .collect_view()}
                    </select>
                </div>
                <div class="form-field">
                    <label class="field-label" for="buy-digits">"Contains digits"</label>
                    <input
                        class="input"
                        id="buy-digits"
                        type="search"
                        inputmode="numeric"
                        autocomplete="off"
                        prop:value=move || digits.get()
                        on:input=move |ev| digits.set(event_target_value(&ev))
                    />
                </div>
            </div>
            <FormProblem problem=refusal />
            <p class="table-summary" aria-live="polite">
                {move || match offers.with(Vec::len) {
                    0 => "No available numbers match; try other digits or another area code.".to_owned(),
                    n => format!("{n} available number{} shown", if n == 1 { "" } else { "s" }),
                }}
            </p>
            <ul class="offer-list" data-testid="offers">
                <For each=move || offers.get() key=|n| n.phone_number.clone() let:offer>
                    {
                        let national = national_format(&offer.phone_number);
                        let e164 = offer.phone_number.clone();
                        let asked = e164.clone();
                        let refused = scope.offer(move |account| Command::BuyPhoneNumber {
                            account: *account,
                            phone_number: asked.clone(),
                        });
                        view! {
                            <li>
                                <span>
                                    <strong>{national.clone()}</strong>
                                    <span class="muted">{format!(" {} · {}", offer.locality, offer.capabilities.names().join(", "))}</span>
                                </span>
                                <ActionButton refused class="button-small"
                                    label=format!("Buy {national}")
                                    on_press=Callback::new(move |()| buy.run(e164.clone()))>
                                    "Buy"
                                </ActionButton>
                            </li>
                        }
                    }
                </For>
            </ul>
            <DialogFooter on_cancel=move |()| open.set(false) cancel="Close" />
        </Dialog>
    }
}
