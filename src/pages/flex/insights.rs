//! Flex Insights (`/flex/:account_sid/insights`): only on a paid plan and only for workers
//! holding an Insights role; otherwise it says which of the two is missing.

use leptos::prelude::*;

use super::{FlexPage, FlexScope};
use crate::domain::flex::view::{FlexView, InsightsAccess, insights_access};
use crate::domain::{Capability, InsightsRole, describe_roles, roles_granting};
use crate::store::Store;

/// The Insights view.
#[component]
pub fn Insights() -> impl IntoView {
    view! { <FlexPage view=FlexView::Insights><InsightsBody /></FlexPage> }
}

#[component]
fn InsightsBody() -> impl IntoView {
    let store = Store::get();
    let scope = FlexScope::get();
    let access = Memo::new(move |_| {
        store.with(|c| {
            let paid = c
                .account(scope.account())
                .and_then(|a| a.flex.as_ref())
                .is_some_and(|f| f.plan.is_paid());
            let roles = c
                .worker(scope.account(), scope.worker())
                .map(|w| w.insights_roles.clone())
                .unwrap_or_default();
            (insights_access(paid, &roles), roles)
        })
    });
    let all_roles = InsightsRole::ALL
        .iter()
        .map(|r| r.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <section class="page" aria-labelledby="insights-title">
            <h1 id="insights-title">"Insights"</h1>
            {move || match access.get() {
                (InsightsAccess::Open, roles) => {
                    let names = roles.iter().map(|r| r.as_str()).collect::<Vec<_>>().join(", ");
                    view! {
                        <div data-testid="insights-open">
                            <p>"Flex Insights is open to you with the Insights roles " <strong>{names}</strong> "."</p>
                            <p class="muted">"Dashboards, reports and conversation quality are not simulated in this console."</p>
                        </div>
                    }.into_any()
                }
                (InsightsAccess::NeedsPaidPlan, _) => view! {
                    <div class="notice" data-testid="insights-upgrade">
                        <p>"Flex Insights is available only on a paid Flex plan, and this account's Flex is a trial."</p>
                        <p>{format!(
                            "Upgrading (accept the fair-usage terms and add a payment method) is done in the Console's Billing page by the {} role; it also grants 5,000 free Active User Hours.",
                            describe_roles(&roles_granting(Capability::ManageBilling))
                        )}</p>
                    </div>
                }.into_any(),
                (InsightsAccess::NeedsInsightsRole, _) => view! {
                    <div class="notice" data-testid="insights-no-role">
                        <p>"Flex Insights needs an Insights role: " <strong>{all_roles.clone()}</strong> "."</p>
                        <p>{format!(
                            "Insights roles go only to admins and supervisors; a member with the {} role gives them on the Console's Flex users page, or your identity provider sends them.",
                            describe_roles(&roles_granting(Capability::ManageUsers))
                        )}</p>
                    </div>
                }.into_any(),
            }}
        </section>
    }
}
