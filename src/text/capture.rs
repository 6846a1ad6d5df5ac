//! A packet capture, as text: what the file held, then each TLS connection's route,
//! fingerprints and alerts (its verdicts and message-by-message steps are the connection
//! section's).

use core::fmt::Write;

use crate::CaptureReport;

/// Appends the capture's summary and notes.
pub(super) fn section(out: &mut String, c: &CaptureReport) {
    let links = if c.link_types.is_empty() {
        String::new()
    } else {
        format!(" ({})", c.link_types.join(", "))
    };
    let _ = writeln!(
        out,
        "\nPacket capture: {}, {} packets{links}, {} TCP connections, {} with TLS",
        c.format,
        c.packets,
        c.tcp_connections,
        c.connections.len()
    );
    for note in &c.notes {
        let _ = writeln!(out, "    {note}");
    }
    for t in &c.connections {
        let route = if t.client.is_empty() {
            "pasted bytes".to_owned()
        } else {
            format!("{} → {}", t.client, t.server)
        };
        let _ = writeln!(
            out,
            "  {route}: {} messages from packet {}{}",
            t.messages.len(),
            t.first_packet,
            if t.resumed { ", resumed" } else { "" }
        );
        if let Some(h) = &t.client_hello {
            let _ = writeln!(out, "    JA3 {}  JA4 {}", h.ja3_hash, h.ja4);
        }
        if let Some(s) = &t.server_hello {
            let _ = writeln!(out, "    JA3S {}", s.ja3s_hash);
        }
        for a in &t.alerts {
            let _ = writeln!(
                out,
                "    {} alert from the {}: {} ({})",
                if a.fatal { "Fatal" } else { "Warning" },
                a.from,
                a.name,
                a.code
            );
        }
        for p in &t.problems {
            let _ = writeln!(out, "    {p}");
        }
    }
}
