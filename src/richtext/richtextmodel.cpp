#include "richtextmodel.h"

RichTextModel::RichTextModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

void RichTextModel::setText(const QString &text)
{
    if (text == m_text)
        return;
    beginResetModel();
    m_text = text;
    m_document = RichDocument::parse(text);
    endResetModel();
    Q_EMIT textChanged();
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
