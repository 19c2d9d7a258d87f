//! `shikaku member …`: add, list, show, update, remove, share and receive the members
//! of the household store, through the Companion.

use std::io::Read;

use clap::Subcommand;
use shikaku_core::clock::japan_offset;
use shikaku_core::error::{Error, Field, Reason};
use shikaku_core::household::MemberDraft;
use shikaku_core::i18n::Words;
use shikaku_core::rules::Facts;

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
    /// Replace a member's details: the same JSON as `add`, on stdin.
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
        MemberCommand::Update { id, json } => {
            let draft = read_member_draft()?;
            companion.member(id.clone())?;
            let member = draft.into_member(id);
            companion.update_member(member.clone())?;
            if json {
                to_json(&member)
            } else {
                Ok(format!("updated {}", member.id))
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
