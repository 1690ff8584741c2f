//! A worker's attributes, as TaskRouter keeps them: JSON to read, in a dialog wide enough for it.

use leptos::prelude::*;

use super::table::WorkerItem;
use crate::components::dialog::{Dialog, DialogFooter, Opened};

/// The "Worker attributes" dialog for `worker`.
#[component]
pub fn AttributesDialog(
    /// The worker whose attributes are shown.
    worker: WorkerItem,
    /// Runs once the dialog has closed.
    on_close: Callback<()>,
) -> impl IntoView {
    let opened = Opened::new();
    view! {
        <Dialog open=opened.signal() on_close title="Worker attributes">
            <p>"The TaskRouter attributes of " <strong>{worker.name}</strong> ", set at each login to Flex."</p>
            <pre class="worker-attributes" tabindex="0" data-testid="worker-attributes">{worker.attributes}</pre>
            <DialogFooter on_cancel=opened.closer() cancel="Close" />
        </Dialog>
    }
}
