//! The logical structure of the PDF (its tag tree), built while laying out.
//!
//! Layout opens groups with [`Tags::group`], which closes them when the closure returns,
//! so a group cannot be left open; drawn content refers to [`Leaf`]s. After drawing,
//! [`Tags::into_tag_tree`] swaps each leaf for the marked-content identifiers drawn for it.

use krilla::tagging::{
    Identifier, ListNumbering, Node, TableHeaderScope, Tag, TagGroup, TagKind, TagTree,
};
use std::num::NonZeroU16;

/// A piece of content in the structure; drawing it yields one or more identifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Leaf(usize);

impl Leaf {
    pub fn index(self) -> usize {
        self.0
    }

    /// The leaf `first` places on: where it stands once its structure is appended to
    /// another with `first` leaves ([`Tags::append`]).
    pub fn after(self, first: usize) -> Leaf {
        Leaf(self.0 + first)
    }
}

/// The structure element kinds kvartal uses.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Paragraph,
    Heading { level: u8, title: String },
    List { ordered: bool },
    ListItem,
    Label,
    ListBody,
    Table,
    Row,
    HeaderCell,
    Cell,
    Figure { alt: String },
    Link,
    Division,
    Contents,
    ContentsItem,
}

#[derive(Debug)]
enum Child {
    Group(Group),
    Leaf(Leaf),
}

#[derive(Debug)]
struct Group {
    kind: Kind,
    children: Vec<Child>,
}

/// The structure being built: a stack of open groups under the document root.
#[derive(Debug)]
pub struct Tags {
    open: Vec<Group>,
    leaves: usize,
}

impl Default for Tags {
    fn default() -> Self {
        Tags {
            open: vec![Group {
                kind: Kind::Division,
                children: Vec::new(),
            }],
            leaves: 0,
        }
    }
}

impl Tags {
    /// Runs `body` inside a new group of `kind`, closing the group afterwards. `context`
    /// is whatever holds the tags (the layouter), so `body` can go on laying out.
    pub fn group<C: AsMut<Tags>, T>(
        context: &mut C,
        kind: Kind,
        body: impl FnOnce(&mut C) -> T,
    ) -> T {
        context.as_mut().open.push(Group {
            kind,
            children: Vec::new(),
        });
        let result = body(context);
        let tags = context.as_mut();
        let group = tags.open.pop().expect("the group opened above");
        tags.current().children.push(Child::Group(group));
        result
    }

    /// A new leaf in the innermost open group.
    pub fn leaf(&mut self) -> Leaf {
        let leaf = Leaf(self.leaves);
        self.leaves += 1;
        self.current().children.push(Child::Leaf(leaf));
        leaf
    }

    /// Appends the structure of `other`, made apart from this one, under this one's
    /// innermost open group, its leaves numbered after this one's: the number to add to
    /// each of `other`'s leaves ([`Leaf::after`]).
    pub fn append(&mut self, mut other: Tags) -> usize {
        let first = self.leaves;
        let root = other.open.swap_remove(0);
        let children = root.children.into_iter().map(|c| c.renumbered(first));
        self.current().children.extend(children);
        self.leaves += other.leaves;
        first
    }

    /// How many leaves were handed out.
    pub fn leaf_count(&self) -> usize {
        self.leaves
    }

    fn current(&mut self) -> &mut Group {
        self.open
            .last_mut()
            .expect("the root group is never closed")
    }

    /// The krilla tag tree, with each leaf replaced by the identifiers drawn for it
    /// (`drawn[leaf]`, in drawing order).
    pub fn into_tag_tree(mut self, drawn: &mut [Vec<Identifier>], language: &str) -> TagTree {
        let root = self.open.swap_remove(0);
        let mut nodes = Vec::with_capacity(root.children.len());
        for child in root.children {
            child.push_nodes(drawn, &mut nodes);
        }
        TagTree::from(nodes).with_lang(Some(language.to_string()))
    }
}

impl Child {
    fn renumbered(self, first: usize) -> Child {
        match self {
            Child::Leaf(leaf) => Child::Leaf(leaf.after(first)),
            Child::Group(Group { kind, children }) => Child::Group(Group {
                kind,
                children: children.into_iter().map(|c| c.renumbered(first)).collect(),
            }),
        }
    }

    /// Pushes the child's nodes onto `nodes`: a group's one, a leaf's one for each
    /// identifier drawn for it.
    fn push_nodes(self, drawn: &mut [Vec<Identifier>], nodes: &mut Vec<Node>) {
        match self {
            Child::Leaf(Leaf(i)) => {
                nodes.extend(std::mem::take(&mut drawn[i]).into_iter().map(Node::from))
            }
            Child::Group(group) => {
                let mut children = Vec::with_capacity(group.children.len());
                for child in group.children {
                    child.push_nodes(drawn, &mut children);
                }
                nodes.push(TagGroup::with_children(group.kind.tag(), children).into());
            }
        }
    }
}

impl Kind {
    fn tag(self) -> TagKind {
        match self {
            Kind::Paragraph => Tag::P.into(),
            Kind::Heading { level, title } => {
                let level = NonZeroU16::new(level.into()).unwrap_or(NonZeroU16::MIN);
                Tag::Hn(level, Some(title)).into()
            }
            Kind::List { ordered } => Tag::L(if ordered {
                ListNumbering::Decimal
            } else {
                ListNumbering::Disc
            })
            .into(),
            Kind::ListItem => Tag::LI.into(),
            Kind::Label => Tag::Lbl.into(),
            Kind::ListBody => Tag::LBody.into(),
            Kind::Table => Tag::Table.into(),
            Kind::Row => Tag::TR.into(),
            Kind::HeaderCell => Tag::TH(TableHeaderScope::Column).into(),
            Kind::Cell => Tag::TD.into(),
            Kind::Figure { alt } => Tag::Figure(Some(alt)).into(),
            Kind::Link => Tag::Link.into(),
            Kind::Division => Tag::Div.into(),
            Kind::Contents => Tag::TOC.into(),
            Kind::ContentsItem => Tag::TOCI.into(),
        }
    }
}
