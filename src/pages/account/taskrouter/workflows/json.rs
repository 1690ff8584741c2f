//! The configuration as JSON, in Twilio's shape (`task_routing.filters[]`, `default_filter`),
//! beside the form: the same value, editable; a mistake is named by line and column.

use leptos::prelude::*;

use super::form::WorkflowForm;

/// The JSON view of the workflow form's configuration.
#[component]
pub fn ConfigurationJson(form: WorkflowForm) -> impl IntoView {
    let error = form.json_error;
    let invalid = move || error.with(Option::is_some);
    view! {
        <div class="json-view">
            <h3><label for="configuration-json">"Configuration (JSON)"</label></h3>
            <textarea class="input json-editor" id="configuration-json" rows="24" spellcheck="false"
                aria-describedby="configuration-json-check"
                aria-invalid=move || invalid().then_some("true")
                prop:value=move || form.json_text()
                on:input=move |ev| form.type_json(event_target_value(&ev))></textarea>
            <p id="configuration-json-check" class=move || if invalid() { "field-error" } else { "hint" }
                aria-live="polite" data-testid="json-check">
                {move || match error.get() {
                    Some(e) => format!("Not a configuration: {e}. The form shows the last one that read."),
                    None => "The same configuration as the form: edit either.".to_owned(),
                }}
            </p>
        </div>
    }
}
