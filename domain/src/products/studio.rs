//! Studio flows and their Send to Flex step: a contact that reaches the flow becomes a
//! TaskRouter task with the step's workflow, task channel, priority, timeout and attributes,
//! the attributes being a template whose `{{trigger.…}}` variables are filled in from the
//! call or message that arrived (Twilio's Liquid variables, the few a contact carries here).

use crate::sid::{StudioFlowSid, TaskChannelSid, WorkflowSid};
use crate::taskrouter::task::{DEFAULT_TASK_TIMEOUT, MAX_PRIORITY, MAX_TASK_TIMEOUT};
use serde::{Deserialize, Serialize};

/// The longest attributes text the Send to Flex widget takes, in characters.
pub const MAX_SEND_TO_FLEX_ATTRIBUTES: usize = 1_024;
/// Twilio's default attributes of a voice Send to Flex step.
pub const DEFAULT_VOICE_ATTRIBUTES: &str = r#"{"type":"inbound","name":"{{trigger.call.From}}"}"#;
/// The default attributes of a messaging Send to Flex step (what Flex's messaging flows
/// give: the customer's address as name, and the channel type).
pub const DEFAULT_MESSAGE_ATTRIBUTES: &str =
    r#"{"name":"{{trigger.message.From}}","channelType":"{{trigger.message.ChannelType}}"}"#;
/// The trigger variables a template may use.
pub const TRIGGER_VARIABLES: [&str; 6] = [
    "trigger.call.From",
    "trigger.call.To",
    "trigger.message.From",
    "trigger.message.To",
    "trigger.message.Body",
    "trigger.message.ChannelType",
];

/// A Studio flow Flex provisioned (or an old save's flow, which reads without a step).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StudioFlow {
    /// The flow SID (`FW…`).
    pub sid: StudioFlowSid,
    /// Its name.
    pub friendly_name: String,
    /// Its Send to Flex step; None: contacts end in the flow and no task is created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub send_to_flex: Option<SendToFlex>,
}

fn default_timeout() -> u32 {
    DEFAULT_TASK_TIMEOUT
}

/// The Send to Flex widget's settings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SendToFlex {
    /// The workflow routing the task.
    pub workflow: WorkflowSid,
    /// The task channel.
    pub channel: TaskChannelSid,
    /// The task's priority (default 0).
    #[serde(default)]
    pub priority: u32,
    /// The task's TTL in seconds (default a day, at most two weeks).
    #[serde(default = "default_timeout")]
    pub timeout: u32,
    /// The attributes template: JSON with `{{trigger.…}}` variables.
    #[serde(default)]
    pub attributes: String,
}

/// What arrived at a flow, filling in its template's variables.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Trigger {
    /// A call (trigger `incomingCall`).
    Call {
        /// The caller, E.164.
        from: String,
        /// The number called, E.164.
        to: String,
    },
    /// A message (trigger `incomingConversationMessage`).
    Message {
        /// The sender: a number, `whatsapp:+…` or a chat name.
        from: String,
        /// The address written to.
        to: String,
        /// The text.
        body: String,
        /// "sms", "whatsapp" or "chat".
        channel_type: String,
    },
}

impl Trigger {
    /// The value of a variable: empty when this trigger has none of that kind (as Liquid
    /// renders a missing variable).
    fn value(&self, variable: &str) -> &str {
        match (self, variable) {
            (Trigger::Call { from, .. }, "trigger.call.From") => from,
            (Trigger::Call { to, .. }, "trigger.call.To") => to,
            (Trigger::Message { from, .. }, "trigger.message.From") => from,
            (Trigger::Message { to, .. }, "trigger.message.To") => to,
            (Trigger::Message { body, .. }, "trigger.message.Body") => body,
            (Trigger::Message { channel_type, .. }, "trigger.message.ChannelType") => channel_type,
            _ => "",
        }
    }

    /// A trigger with sample values, for checking a template.
    fn sample() -> Trigger {
        Trigger::Message {
            from: "+14155550199".into(),
            to: "+12125550110".into(),
            body: "Hello".into(),
            channel_type: "sms".into(),
        }
    }
}

/// Fills in `template`'s variables from `trigger`, each value escaped for a JSON string.
/// Refuses an unclosed `{{` and a variable a contact does not carry, saying which.
pub fn render(template: &str, trigger: &Trigger) -> Result<String, String> {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else {
            return Err(format!(
                "A {{{{ at character {} has no closing }}}}.",
                template.len() - rest.len() + start + 1
            ));
        };
        let variable = after[..end].trim();
        if !TRIGGER_VARIABLES.contains(&variable) {
            return Err(format!(
                "{{{{{variable}}}}} is not a variable a contact carries; use one of {}.",
                TRIGGER_VARIABLES.join(", ")
            ));
        }
        let value = serde_json::to_string(trigger.value(variable)).unwrap_or_default();
        out.push_str(&value[1..value.len() - 1]);
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Why a Send to Flex step's own values cannot be saved (the workflow and channel are the
/// workspace's to check): too-long attributes, a bad template, a priority or timeout out of
/// range. Each problem as (field, sentence).
pub fn check_step(step: &SendToFlex) -> Result<(), (&'static str, String)> {
    let count = step.attributes.chars().count();
    if count > MAX_SEND_TO_FLEX_ATTRIBUTES {
        return Err((
            "Attributes",
            format!(
                "Send to Flex takes at most 1,024 characters of attributes; these have {count}."
            ),
        ));
    }
    if step.priority > MAX_PRIORITY {
        return Err(("Priority", "Choose from 0 to 2,147,483,647.".into()));
    }
    if !(1..=MAX_TASK_TIMEOUT).contains(&step.timeout) {
        return Err((
            "Timeout",
            "Choose from 1 second to 1,209,600 (two weeks).".into(),
        ));
    }
    if step.attributes.trim().is_empty() {
        return Ok(());
    }
    let rendered = render(&step.attributes, &Trigger::sample()).map_err(|e| ("Attributes", e))?;
    match serde_json::from_str::<serde_json::Value>(&rendered) {
        Ok(serde_json::Value::Object(_)) => Ok(()),
        Ok(_) => Err((
            "Attributes",
            "The attributes must be one JSON object, in braces { }.".into(),
        )),
        Err(e) => Err((
            "Attributes",
            format!(
                "The attributes are not JSON once filled in (line {}, column {}).",
                e.line(),
                e.column()
            ),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variables_are_filled_in_and_escaped() {
        let call = Trigger::Call {
            from: "+14155550199".into(),
            to: "+12125550110".into(),
        };
        assert_eq!(
            render(DEFAULT_VOICE_ATTRIBUTES, &call).unwrap(),
            r#"{"type":"inbound","name":"+14155550199"}"#
        );
        let chat = Trigger::Message {
            from: "Ann \"A\"".into(),
            to: "Web".into(),
            body: String::new(),
            channel_type: "chat".into(),
        };
        assert_eq!(
            render("{{ trigger.message.From }}/{{trigger.call.From}}", &chat).unwrap(),
            r#"Ann \"A\"/"#
        );
        assert!(render("{{trigger.call.Frm}}", &call).is_err());
        assert!(render("{\"a\":\"{{trigger.call.From\"}", &call).is_err());
    }
}
