#pragma once

#include <QByteArrayList>
#include <QSharedData>
#include <QString>
#include <QStringView>

namespace SocketIo {

/// One parsed JSON text in a flat, read-only form, in the manner of simdjson's tape: a single
/// allocation holding an array of nodes in document order, plus a pool for the strings that had
/// escapes. Every other string is an offset and length into the source QString, which the tape
/// keeps (implicitly shared, not copied). Binary attachments that replaced Socket.IO placeholders
/// are kept alongside and referenced by index.
///
/// Decoding a packet therefore costs one allocation instead of one per map node, string and list;
/// strings become QStrings only when a reader asks for them. Read it through JsonValue.
class JsonTape : public QSharedData
{
public:
    enum class Kind : quint8
    {
        Null,
        False,
        True,
        Integer,
        Double,
        String,
        Array,
        Object,
        /// A Socket.IO placeholder object, resolved to attachments().at(node.integer).
        Attachment,
    };

    enum Flag : quint8
    {
        /// The string is in the escape pool, not in the source.
        Pooled = 1,
        /// An object key (and so its member) hidden by a later duplicate, as JSON.parse does.
        Shadowed = 2,
    };

    struct Text
    {
        quint32 offset;
        quint32 length;
    };

    /// 16 bytes. Object members are a key node (a String) followed by the value's nodes.
    struct Node
    {
        Kind kind;
        quint8 flags;
        quint16 reserved;
        /// Index of the node after this one and all its descendants: the next sibling.
        quint32 end;
        union {
            qint64 integer; // Integer; Attachment: the attachment index
            double number; // Double
            Text text; // String
            quint64 count; // Array: elements; Object: members, not counting shadowed ones
        };
    };

    static constexpr int DefaultMaxDepth = 128;

    /// Parses source[from..] (all of it; trailing non-whitespace is an error) with the grammar
    /// and limits of JsonReader. Returns null and sets `error` on failure.
    static QExplicitlySharedDataPointer<JsonTape> parse(const QString &source, qsizetype from = 0,
        QString *error = nullptr, int maxDepth = DefaultMaxDepth);

    /// Replaces every {"_placeholder":true,"num":N} object with attachment N, as the reference
    /// parser's reconstructPacket() does. False (and the tape unchanged in part) when a
    /// placeholder names an attachment that does not exist. Only for a tape nobody else shares.
    bool resolvePlaceholders(const QByteArrayList &attachments);

    ~JsonTape() = default;
    // Allocated together with its nodes and pool by create().
    static void operator delete(void *block) { ::operator delete(block); }

    quint32 nodeCount() const { return m_nodeCount; }
    const Node &node(quint32 index) const { return nodes()[index]; }
    QStringView text(const Node &node) const
    {
        const char16_t *base = (node.flags & Pooled)
            ? pool()
            : reinterpret_cast<const char16_t *>(m_source.constData());
        return QStringView(base + node.text.offset, qsizetype(node.text.length));
    }
    const QString &source() const { return m_source; }
    const QByteArrayList &attachments() const { return m_attachments; }

private:
    JsonTape(const QString &source, quint32 nodeCount)
        : m_source(source)
        , m_nodeCount(nodeCount)
    { }
    static JsonTape *create(const QString &source, const Node *nodes, quint32 nodeCount,
        const char16_t *pool, size_t poolLength);

    const Node *nodes() const { return reinterpret_cast<const Node *>(this + 1); }
    Node *nodes() { return reinterpret_cast<Node *>(this + 1); }
    const char16_t *pool() const
    {
        return reinterpret_cast<const char16_t *>(nodes() + m_nodeCount);
    }

    QString m_source;
    QByteArrayList m_attachments;
    quint32 m_nodeCount;
};

} // namespace SocketIo
