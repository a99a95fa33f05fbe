#include "richtextmodel.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThreadPool>

RichTextModel::RichTextModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

void RichTextModel::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    const quint64 generation = ++m_generation;
    if (text.size() <= SyncParseLimit) {
        setDocument(RichDocument::parse(text));
        setParsing(false);
        return;
    }
    // Until the parse is done: the start of the message as one plain paragraph.
    RichBlock start;
    start.plainText = text.first(PlaceholderCharacters) + u'…';
    start.htmlParts = { start.plainText.toHtmlEscaped() };
    setDocument(RichDocument { { start }, true });
    setParsing(true);
    // The QPointer is only read on the GUI thread (the queued call), where the model lives.
    QThreadPool::globalInstance()->start([model = QPointer<RichTextModel>(this), text, generation] {
        RichDocument document = RichDocument::parse(text);
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [model, generation, document = std::move(document)]() mutable {
                if (!model || model->m_generation != generation)
                    return;
                model->setDocument(std::move(document));
                model->setParsing(false);
            },
            Qt::QueuedConnection);
    });
}

void RichTextModel::setDocument(RichDocument document)
{
    beginResetModel();
    m_document = std::move(document);
    endResetModel();
    Q_EMIT textChanged();
}

void RichTextModel::setParsing(bool parsing)
{
    if (parsing == m_parsing)
        return;
    m_parsing = parsing;
    Q_EMIT parsingChanged();
}

void RichTextModel::setMathColor(const QColor &color)
{
    if (color == m_mathColor)
        return;
    m_mathColor = color;
    htmlChanged();
    Q_EMIT mathColorChanged();
}

void RichTextModel::setCodeColor(const QColor &color)
{
    if (color == m_codeColor)
        return;
    m_codeColor = color;
    htmlChanged();
    Q_EMIT codeColorChanged();
}

void RichTextModel::htmlChanged()
{
    if (count() > 0)
        Q_EMIT dataChanged(index(0), index(count() - 1), { HtmlRole, Qt::DisplayRole });
}

namespace {

// The html is built by RichDocument, so "<code>" there is always its tag (text is escaped).
QString coloured(const QColor &color, const QString &html)
{
    return u"<font color=\"" + color.name(QColor::HexArgb) + u"\">" + html + u"</font>";
}

} // namespace

QString RichTextModel::inlineMathHtml(const MathSpan &span) const
{
    const QString source = span.source.toHtmlEscaped();
    return m_mathColor.isValid() ? coloured(m_mathColor, source) : source;
}

QString RichTextModel::styledHtml(const RichBlock &block) const
{
    return styledHtml(
        block, [this](const MathSpan &span) { return inlineMathHtml(span); }, m_codeColor);
}

QString RichTextModel::styledHtml(const RichBlock &block,
    const std::function<QString(const MathSpan &)> &renderMath, const QColor &codeColor)
{
    QString html = block.htmlWithMath(renderMath);
    if (codeColor.isValid() && html.contains(u"<code>")) {
        html.replace(
            u"<code>"_qs, u"<font color=\""_qs + codeColor.name(QColor::HexArgb) + u"\"><code>"_qs);
        html.replace(u"</code>"_qs, u"</code></font>"_qs);
    }
    return html;
}

int RichTextModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant RichTextModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RichBlock &block = m_document.blocks.at(index.row());
    switch (role) {
    case KindRole:
        return QVariant::fromValue(block.kind);
    case Qt::DisplayRole:
    case HtmlRole:
        return styledHtml(block);
    case PlainTextRole:
        return block.plainText;
    case HeadingLevelRole:
        return block.headingLevel;
    case ListDepthRole:
        return block.listDepth;
    case QuoteLevelRole:
        return block.quoteLevel;
    case MarkerRole:
        return block.marker;
    case LanguageRole:
        return block.language;
    case SourceRole:
        return block.source;
    case MathSourcesRole: {
        QStringList sources;
        for (const MathSpan &span : block.mathSpans)
            sources.append(span.tex);
        return sources;
    }
    case BlockRole:
        return QVariant::fromValue(block);
    default:
        return {};
    }
}

QHash<int, QByteArray> RichTextModel::roleNames() const
{
    return {
        { KindRole, "kind" },
        { HtmlRole, "html" },
        { PlainTextRole, "plainText" },
        { HeadingLevelRole, "headingLevel" },
        { ListDepthRole, "listDepth" },
        { QuoteLevelRole, "quoteLevel" },
        { MarkerRole, "marker" },
        { LanguageRole, "language" },
        { SourceRole, "source" },
        { MathSourcesRole, "mathSources" },
        { BlockRole, "block" },
    };
}
