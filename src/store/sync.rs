//! Cross-tab notices: after saving, a tab posts `{db, rev}` on the `flex-console`
//! BroadcastChannel; the other tabs then read the newer log entries from IndexedDB.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// The channel all tabs of the app share.
pub const CHANNEL: &str = "flex-console";

/// One tab's end of the channel; stops listening when dropped.
pub struct Channel {
    channel: web_sys::BroadcastChannel,
    _listener: Closure<dyn FnMut(web_sys::MessageEvent)>,
}

impl Channel {
    /// Listens for revisions saved by other tabs to database `db`.
    pub fn open(db: &str, on_revision: impl Fn(u64) + 'static) -> Option<Channel> {
        let channel = web_sys::BroadcastChannel::new(CHANNEL).ok()?;
        let db = db.to_owned();
        let listener = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
            move |event: web_sys::MessageEvent| {
                let Some(text) = event.data().as_string() else {
                    return;
                };
                let Ok(notice) = serde_json::from_str::<serde_json::Value>(&text) else {
                    return;
                };
                if notice.get("db").and_then(|d| d.as_str()) == Some(db.as_str())
                    && let Some(rev) = notice.get("rev").and_then(|r| r.as_u64())
                {
                    on_revision(rev);
                }
            },
        );
        channel.set_onmessage(Some(listener.as_ref().unchecked_ref()));
        Some(Channel {
            channel,
            _listener: listener,
        })
    }

    /// Tells the other tabs that `db` is now at revision `rev`.
    pub fn post(&self, db: &str, rev: u64) {
        let notice = serde_json::json!({ "db": db, "rev": rev }).to_string();
        // A lost notice only delays the other tabs until their next save or reload.
        let _ = self.channel.post_message(&notice.into());
    }
}

impl Drop for Channel {
    fn drop(&mut self) {
        self.channel.set_onmessage(None);
        self.channel.close();
    }
}
