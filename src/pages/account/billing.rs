//! Billing (`/accounts/:account_sid/billing`): the Flex plan and the upgrade flow
//! (accept the fair-usage terms, add a payment method, choose how Flex is billed).

#[path = "billing_card.rs"]
pub mod card;

use leptos::html;
use leptos::prelude::*;

use super::active_hours::ActiveHoursFields;
use super::{AccountScope, Requires};
use crate::components::count::thousands;
use crate::components::details::{Detail, Details};
use crate::components::form_problem::FormProblem;
use crate::components::link::href;
use crate::components::offer::{ActionButton, Refusal};
use crate::components::page_header::PageHeader;
use crate::components::toast::Toasts;
use crate::domain::flex::FREE_ACTIVE_USER_HOURS;
use crate::domain::{AccountPage, BillingModel, Command, FlexPlan, Timestamp};
use crate::store::Store;
use card::{CardField, CardInput, CardProblem, check_card};

/// The Billing page.
#[component]
pub fn Billing() -> impl IntoView {
    view! {
        <Requires page=AccountPage::Billing>
            <BillingPage />
        </Requires>
    }
}

/// One "label: value" row of the plan.
fn fact(label: &'static str, value: String) -> impl IntoView {
    let testid = format!("plan-{}", label.to_lowercase().replace(' ', "-"));
    view! { <Detail label testid>{value}</Detail> }
}

fn model_label(model: BillingModel) -> &'static str {
    match model {
        BillingModel::NamedUser => "Named User",
        BillingModel::ActiveUserHours => "Active User Hours",
    }
}

#[component]
fn BillingPage() -> impl IntoView {
    let scope = AccountScope::get();
    let store = Store::get();
    let account = scope.account;
    let plan =
        Memo::new(move |_| store.with(|c| c.flex_overview(&account).map(|o| o.plan.clone())));
    let account = scope.account;
    let name = move || {
        store
            .with(|c| c.account(&account).map(|a| a.friendly_name.clone()))
            .unwrap_or_default()
    };
    let flex_link = href(&format!("/accounts/{}/flex", scope.account));
    view! {
        <section class="page billing-page" aria-labelledby="billing-title">
            <PageHeader
                id="billing-title"
                title="Billing"
                account=Signal::derive(name)
                description="The account's Flex plan, its free Active User Hours, and the upgrade from a trial to a paid plan."
            />
            {move || match plan.get() {
                None => view! {
                    <section class="card" aria-labelledby="plan-title">
                        <h2 id="plan-title">"Flex plan"</h2>
                        <p>"This account has no Flex instance, so there is no Flex plan to bill."</p>
                        <p><a href=flex_link.clone()>"Go to the Flex overview"</a></p>
                    </section>
                }
                .into_any(),
                Some(FlexPlan::Trial) => view! {
                    <section class="card" aria-labelledby="plan-title">
                        <h2 id="plan-title">"Flex plan"</h2>
                        <Details>
                            {fact("Plan", "Trial".to_string())}
                            <ActiveHoursFields />
                        </Details>
                        <p>
                            "Upgrading makes Flex paid and grants " {thousands(FREE_ACTIVE_USER_HOURS as usize)}
                            " free Active User Hours."
                        </p>
                    </section>
                    <UpgradeFlow />
                }
                .into_any(),
                Some(FlexPlan::Paid { billing_model, payment_method, since, .. }) => view! {
                    <section class="card" aria-labelledby="plan-title">
                        <h2 id="plan-title">"Flex plan"</h2>
                        <p class="success-note">
                            {thousands(FREE_ACTIVE_USER_HOURS as usize)} " free Active User Hours granted"
                        </p>
                        <Details>
                            {fact("Plan", "Paid".to_string())}
                            {fact("Billing model", model_label(billing_model).to_string())}
                            <ActiveHoursFields />
                            {fact("Payment method", payment_method)}
                            {fact("Paid since", since.to_string())}
                        </Details>
                    </section>
                }
                .into_any(),
            }}
        </section>
    }
}

/// The three steps of upgrading a trial, then `Command::UpgradePlan`.
#[component]
fn UpgradeFlow() -> impl IntoView {
    let step = RwSignal::new(1u8);
    let accepted = RwSignal::new(false);
    // Only the masked description ("Visa ending 4242") is kept, never the number.
    let payment_method = RwSignal::new(None::<String>);
    let steps = ["Fair-usage terms", "Payment method", "Billing model"];
    // Asked with what the steps give so far: a refusal (a suspended account, roles that do
    // not bill) stops every step's Continue, so nobody fills in a card to be refused.
    let refused = AccountScope::get().offer(move |account| Command::UpgradePlan {
        account: *account,
        billing_model: BillingModel::ActiveUserHours,
        accept_fair_usage_terms: accepted.get(),
        payment_method: payment_method.get().unwrap_or_default(),
    });
    view! {
        <section class="card upgrade" aria-labelledby="upgrade-title">
            <h2 id="upgrade-title">"Upgrade Flex to a paid plan"</h2>
            // The steps, numbered by the list itself (each number in a circle, a done one
            // ticked); each step's form is named by a heading screen readers read.
            <ol class="steps" aria-label="Steps">
                {steps
                    .into_iter()
                    .enumerate()
                    .map(|(i, label)| {
                        let n = i as u8 + 1;
                        view! {
                            <li
                                class:step-done=move || n < step.get()
                                aria-current=move || (step.get() == n).then_some("step")
                            >
                                {label}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            {move || match step.get() {
                1 => view! { <TermsStep step accepted refused /> }.into_any(),
                2 => view! { <PaymentStep step payment_method refused /> }.into_any(),
                _ => view! { <ModelStep step accepted payment_method refused /> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn TermsStep(step: RwSignal<u8>, accepted: RwSignal<bool>, refused: Refusal) -> impl IntoView {
    let error = RwSignal::new(false);
    let next = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(!accepted.get_untracked());
        if accepted.get_untracked() {
            step.set(2);
        }
    };
    view! {
        <form class="step-form" novalidate on:submit=next>
            <h3 class="visually-hidden">"Step 1 of 3: Fair-usage terms"</h3>
            <p>
                "Paid Flex plans are subject to the fair-usage policy: free Active User Hours are for
                 agents handling customer interactions, and unusual usage may be reviewed."
            </p>
            <label class="check">
                <input
                    type="checkbox"
                    required
                    prop:checked=move || accepted.get()
                    on:change=move |ev| accepted.set(event_target_checked(&ev))
                    aria-invalid=move || error.get().then_some("true")
                    aria-describedby=move || error.get().then_some("terms-error")
                />
                "I accept the Flex fair-usage terms"
            </label>
            <Show when=move || error.get()>
                <p id="terms-error" class="field-error">"Accept the fair-usage terms to continue."</p>
            </Show>
            <div class="actions">
                <ActionButton refused class="button-primary" inline=true>"Continue"</ActionButton>
            </div>
        </form>
    }
}

#[component]
fn PaymentStep(
    step: RwSignal<u8>,
    payment_method: RwSignal<Option<String>>,
    refused: Refusal,
) -> impl IntoView {
    let store = Store::get();
    let problems = RwSignal::new(Vec::<CardProblem>::new());
    let (name, number, expiry, cvc) = (
        NodeRef::<html::Input>::new(),
        NodeRef::<html::Input>::new(),
        NodeRef::<html::Input>::new(),
        NodeRef::<html::Input>::new(),
    );
    let value = |input: NodeRef<html::Input>| input.get().map(|i| i.value()).unwrap_or_default();
    let next = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (n, num, exp, c) = (value(name), value(number), value(expiry), value(cvc));
        let now: Timestamp = store.now();
        match check_card(
            CardInput {
                name: &n,
                number: &num,
                expiry: &exp,
                cvc: &c,
            },
            now,
        ) {
            Ok(masked) => {
                problems.set(Vec::new());
                payment_method.set(Some(masked));
                step.set(3);
            }
            Err(list) => problems.set(list),
        }
    };
    let field = move |id: &'static str,
                      label: &'static str,
                      which: CardField,
                      node: NodeRef<html::Input>,
                      attrs: (&'static str, &'static str, &'static str)| {
        let message = move || {
            problems.with(|p| {
                p.iter()
                    .find(|p| p.field == which)
                    .map(|p| p.message.clone())
            })
        };
        let error_id = format!("{id}-error");
        let described = error_id.clone();
        let (autocomplete, inputmode, placeholder) = attrs;
        view! {
            <div class="form-field">
                <label class="field-label" for=id>{label}</label>
                <input
                    class="input"
                    id=id
                    node_ref=node
                    type="text"
                    autocomplete=autocomplete
                    inputmode=inputmode
                    placeholder=placeholder
                    aria-invalid=move || message().map(|_| "true")
                    aria-describedby=move || message().map(|_| described.clone())
                />
                <Show when=move || message().is_some()>
                    <p id=error_id.clone() class="field-error">{message}</p>
                </Show>
            </div>
        }
    };
    view! {
        <form class="step-form" novalidate on:submit=next>
            <h3 class="visually-hidden">"Step 2 of 3: Payment method"</h3>
            {field("card-name", "Cardholder name", CardField::Name, name, ("cc-name", "text", ""))}
            {field("card-number", "Card number", CardField::Number, number, ("cc-number", "numeric", "1234 1234 1234 1234"))}
            <div class="form-row">
                {field("card-expiry", "Expiry (MM/YY)", CardField::Expiry, expiry, ("cc-exp", "numeric", "MM/YY"))}
                {field("card-cvc", "Security code (CVC)", CardField::Cvc, cvc, ("cc-csc", "numeric", "123"))}
            </div>
            <p class="muted">"Only the card's network and last four digits are kept."</p>
            <div class="actions">
                <button type="button" class="button" on:click=move |_| step.set(1)>"Back"</button>
                <ActionButton refused class="button-primary" inline=true>"Continue"</ActionButton>
            </div>
        </form>
    }
}

#[component]
fn ModelStep(
    step: RwSignal<u8>,
    accepted: RwSignal<bool>,
    payment_method: RwSignal<Option<String>>,
    refused: Refusal,
) -> impl IntoView {
    let scope = AccountScope::get();
    let store = Store::get();
    let toasts = Toasts::get();
    let model = RwSignal::new(None::<BillingModel>);
    let problem = RwSignal::new(None::<String>);
    let upgrade = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(billing_model) = model.get_untracked() else {
            problem.set(Some(
                "Choose how Flex is billed: Named User or Active User Hours.".into(),
            ));
            return;
        };
        let command = Command::UpgradePlan {
            account: scope.account,
            billing_model,
            accept_fair_usage_terms: accepted.get_untracked(),
            payment_method: payment_method.get_untracked().unwrap_or_default(),
        };
        let result = store.apply(command);
        let granted = format!(
            "Flex is now on a paid plan: {} free Active User Hours granted.",
            thousands(FREE_ACTIVE_USER_HOURS as usize)
        );
        toasts.outcome(&result, granted);
        if let Err(e) = result {
            problem.set(Some(e.to_string()));
        }
    };
    let option = move |value: BillingModel, hint: &'static str| {
        view! {
            <label class="check">
                <input
                    type="radio"
                    name="billing-model"
                    prop:checked=move || model.get() == Some(value)
                    on:change=move |_| model.set(Some(value))
                />
                <span><strong>{model_label(value)}</strong> " " <span class="muted">{hint}</span></span>
            </label>
        }
    };
    view! {
        <form class="step-form" novalidate on:submit=upgrade>
            <h3 class="visually-hidden">"Step 3 of 3: Billing model"</h3>
            <p>"Payment method: " <strong>{move || payment_method.get().unwrap_or_default()}</strong></p>
            <fieldset>
                <legend>"How Flex is billed"</legend>
                {option(BillingModel::NamedUser, "a fixed price per named user per month")}
                {option(BillingModel::ActiveUserHours, "pay per hour an agent is active")}
            </fieldset>
            <FormProblem problem />
            <div class="actions">
                <button type="button" class="button" on:click=move |_| step.set(2)>"Back"</button>
                <ActionButton refused class="button-primary" inline=true>"Upgrade"</ActionButton>
            </div>
        </form>
    }
}
