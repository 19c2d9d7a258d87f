//! `shikaku member …`: add, list, show, remove, share and receive the members of the
//! household store, and the member form (`form`, `update`), through the Companion.

use std::io::Read;

use clap::Subcommand;
use shikaku_core::clock::japan_offset;
use shikaku_core::error::{Error, Field, Reason, ShikakuError};
use shikaku_core::household::MemberDraft;
use shikaku_core::i18n::Words;
use shikaku_core::rules::Facts;
use shikaku_core::view::form::yes_no;
use shikaku_core::view::{FormModel, FormOutcome, FormValues, member_form};

use crate::CliError;
use crate::files::{MAX_JSON_BYTES, malformed, read_stdin, to_json};
use crate::session::Session;

#[derive(Debug, Subcommand)]
pub enum MemberCommand {
    /// Add a member: {"display_name", "relationship", "facts", …} as JSON on stdin.
    Add {
        #[arg(long)]
        json: bool,
    },
    /// List the members with their card state today.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Show one member, their facts and evaluated status.
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// The member form: every fact and holding as a field, with its id, label, hint,
    /// value and whether it applies now (a new member's form without --member).
    Form {
        #[arg(long)]
        member: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Change a member through the form: the form's values by field id as JSON on stdin
    /// (`{"holdings.card_condition": "lost"}`), as the apps send them; a value not given
    /// stays as it is.
    Update {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Remove a member and their documents.
    Remove { id: String },
    /// Print a code that moves this member to another device within 30 minutes (facts
    /// and holdings; the insurance numbers only with --include-insurance-numbers, and
    /// then sealed under a one-time code printed on the next line).
    Share {
        #[arg(long)]
        member: String,
        #[arg(long)]
        include_insurance_numbers: bool,
        /// Also draw the code as a QR code in the terminal.
        #[arg(long)]
        qr: bool,
        /// Print {"code", "one_time_code", "expires_at"} as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Add the member carried by a code from `member share` (on stdin).
    Receive {
        /// The one-time code `member share` printed, when the code carries insurance
        /// numbers.
        #[arg(long, value_name = "DIGITS")]
        one_time_code: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

impl MemberCommand {
    /// Whether the command changes the store (only those may create one).
    pub fn writes(&self) -> bool {
        matches!(
            self,
            MemberCommand::Add { .. }
                | MemberCommand::Update { .. }
                | MemberCommand::Remove { .. }
                | MemberCommand::Receive { .. }
        )
    }
}

/// A form as the CLI prints it: JSON, or one line per field shown.
fn form_output(form: &FormModel, json: bool) -> Result<String, CliError> {
    if json {
        to_json(form)
    } else {
        Ok(form_text(form))
    }
}

/// `member form` for a new member when the household has no store yet: the form of its
/// first member (the command only reads, so it creates no store).
pub fn first_member_form(
    command: &MemberCommand,
    words: Words<'_>,
) -> Option<Result<String, CliError>> {
    let MemberCommand::Form { member: None, json } = command else {
        return None;
    };
    Some(
        member_form(words, None, &[], &FormValues::new())
            .map_err(|e| CliError::Core(e.into()))
            .and_then(|form| form_output(&form, *json)),
    )
}

/// A member as JSON on stdin. Its facts are checked first, so that a wrong date names
/// its field (生年月日) rather than where the JSON went wrong.
fn read_member_draft() -> Result<MemberDraft, CliError> {
    let bytes = read_stdin()?;
    let value: serde_json::Value =
        serde_json::from_slice(&bytes).map_err(|e| malformed(Field::Member, &e))?;
    if let Some(facts) = value.get("facts") {
        Facts::from_json_value(facts).map_err(Error::from)?;
    }
    serde_json::from_slice(&bytes).map_err(|e| malformed(Field::Member, &e))
}

/// A form's values as JSON on stdin: an object of strings by field id (`true`/`false`
/// for yes and no, `null` for unknown, are read too).
fn read_form_values() -> Result<FormValues, CliError> {
    let bytes = read_stdin()?;
    let value: serde_json::Value =
        serde_json::from_slice(&bytes).map_err(|e| malformed(Field::Member, &e))?;
    let object = value
        .as_object()
        .ok_or(CliError::invalid(Field::Member, Reason::NotAnObject))?;
    object
        .iter()
        .map(|(key, value)| {
            let text = match value {
                serde_json::Value::String(text) => text.clone(),
                serde_json::Value::Bool(answer) => yes_no(*answer),
                serde_json::Value::Null => String::new(),
                _ => {
                    return Err(CliError::invalid(
                        Field::Member,
                        Reason::UnknownKey {
                            key: key.chars().take(40).collect(),
                        },
                    ));
                }
            };
            Ok((key.clone(), text))
        })
        .collect()
}

/// A form as text: each section's title, then each field that applies, with its id.
fn form_text(form: &FormModel) -> String {
    let mut lines = vec![form.title.clone()];
    for section in &form.sections {
        lines.push(format!("\n[{}]", section.title));
        for field in section.fields.iter().filter(|f| f.shown) {
            let reading = field
                .reading
                .as_ref()
                .map(|r| format!(" ({r})"))
                .unwrap_or_default();
            lines.push(format!(
                "  {}: {}{reading}    # {}",
                field.id, field.value, field.label
            ));
        }
    }
    lines.join("\n")
}

/// Runs a `member` command; returns what to print.
pub fn member(
    session: &Session,
    command: MemberCommand,
    words: Words<'_>,
) -> Result<String, CliError> {
    let companion = &session.companion;
    match command {
        MemberCommand::Add { json } => {
            let member = companion.add_member(read_member_draft()?)?;
            if json {
                to_json(&member)
            } else {
                Ok(member.id)
            }
        }
        MemberCommand::List { json } => {
            let members = companion.members()?;
            let damaged = companion.damaged_members()?;
            if json {
                return to_json(&serde_json::json!({ "members": members, "damaged": damaged }));
            }
            let damaged_lines = damaged
                .into_iter()
                .map(|member| Ok(format!("{}  {}", member.member_id, member.text)));
            let lines = members
                .iter()
                .map(|member| {
                    let status = companion.member_status(member.id.clone())?;
                    Ok(format!(
                        "{}  {} ({})  {}",
                        member.id,
                        member.display_name,
                        words.label(member.relationship.message_id()),
                        words.label(status.shown_state.message_id())
                    ))
                })
                .chain(damaged_lines)
                .collect::<Result<Vec<String>, CliError>>()?;
            Ok(lines.join("\n"))
        }
        MemberCommand::Show { id, json } => {
            let member = companion.member(id.clone())?;
            let status = companion.member_status(id)?;
            if json {
                return to_json(&serde_json::json!({ "member": member, "status": status }));
            }
            let results = serde_json::to_value(&status.evaluation.results)
                .map_err(|e| CliError::Output(e.into()))?;
            let mut lines = vec![format!("{} ({})", member.display_name, member.id)];
            if let Some(object) = results.as_object() {
                for (key, value) in object {
                    if !value.is_null() {
                        lines.push(format!("  {key}: {}", value.as_str().unwrap_or_default()));
                    }
                }
            }
            Ok(lines.join("\n"))
        }
        MemberCommand::Form { member, json } => {
            form_output(&companion.member_form(member, FormValues::new())?, json)
        }
        MemberCommand::Update { id, json } => {
            companion.member(id.clone())?;
            match companion.submit_member_form(Some(id), read_form_values()?)? {
                FormOutcome::Saved { member } if json => to_json(&member),
                FormOutcome::Saved { member } => Ok(format!("updated {}", member.id)),
                FormOutcome::Invalid { errors, .. } => Err(CliError::Form(
                    errors
                        .into_iter()
                        .map(|error| ShikakuError::InvalidInput {
                            field: error.field,
                            reason: error.reason,
                        })
                        .collect(),
                )),
            }
        }
        MemberCommand::Remove { id } => {
            companion.remove_member(id.clone())?;
            Ok(format!("removed {id}"))
        }
        MemberCommand::Share {
            member,
            include_insurance_numbers,
            qr,
            json,
        } => {
            let share = companion.share_member(member, include_insurance_numbers)?;
            if json {
                return to_json(&share);
            }
            let mut lines = vec![share.code.clone()];
            if let Some(one_time_code) = &share.one_time_code {
                lines.push(format!(
                    "one-time code: {one_time_code} (type it on the receiving device)"
                ));
            }
            let expires = share.expires_at.with_timezone(&japan_offset());
            lines.push(format!("valid until {}", expires.format("%Y-%m-%d %H:%M")));
            let text = lines.join("\n");
            if qr {
                Ok(format!("{}{text}", crate::content::qr(&share.code, None)?))
            } else {
                Ok(text)
            }
        }
        MemberCommand::Receive {
            one_time_code,
            json,
        } => {
            let mut code = String::new();
            std::io::stdin()
                .lock()
                .take(MAX_JSON_BYTES)
                .read_to_string(&mut code)
                .map_err(|_| CliError::invalid(Field::StandardInput, Reason::NotText))?;
            let member = companion.receive_member(code, one_time_code)?;
            if json {
                to_json(&member)
            } else {
                Ok(member.id)
            }
        }
    }
}
