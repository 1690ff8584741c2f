//! Why a form did not go through, in the domain's words: said aloud as it appears, and
//! nothing at all while there is none.

use leptos::prelude::*;

/// The problem of the last submit, if any, under a form's fields.
#[component]
pub fn FormProblem(
    /// What stopped the form (None: nothing did).
    #[prop(into)]
    problem: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <Show when=move || problem.with(Option::is_some)>
            <p class="form-error" role="alert">{move || problem.get()}</p>
        </Show>
    }
}
