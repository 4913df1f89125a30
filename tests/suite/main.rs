//! The whole program run as a user runs it: one test binary, a module per area.

mod architecture;
mod archive;
mod build;
mod case;
mod charts;
mod check;
mod docx;
mod docx_style;
mod external;
mod fonts;
mod golden;
mod html;
mod layout_files;
mod layouts;
mod lint;
mod logos;
mod new;
mod outputs;
mod pdf_read;
mod periods;
mod programme;
mod schema;
mod snapshots;
mod support;
mod untrusted;
mod watch;
