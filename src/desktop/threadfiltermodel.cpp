#include "threadfiltermodel.h"

#include "chat/messagelistmodel.h"

ThreadFilterModel::ThreadFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    // Reply counts and resolved marks change in place (dataChanged): rows come and go with them.
    setDynamicSortFilter(true);
    connect(this, &QAbstractItemModel::rowsInserted, this, &ThreadFilterModel::countChanged);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &ThreadFilterModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &ThreadFilterModel::countChanged);
    connect(this, &QAbstractItemModel::layoutChanged, this, &ThreadFilterModel::countChanged);
}

void ThreadFilterModel::setUnresolvedOnly(bool on)
{
    if (m_unresolvedOnly == on)
        return;
    m_unresolvedOnly = on;
    invalidateRowsFilter();
    // Every row's header roles depend on the filter.
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, 0),
            { MessageListModel::ShowSenderRole, MessageListModel::ShowDateRole,
                MessageListModel::ShowReadMarkerRole });
    Q_EMIT unresolvedOnlyChanged();
}

QVariant ThreadFilterModel::data(const QModelIndex &index, int role) const
{
    if (m_unresolvedOnly) {
        // The neighbours that decided these in the room are hidden.
        if (role == MessageListModel::ShowSenderRole || role == MessageListModel::ShowDateRole)
            return true;
        if (role == MessageListModel::ShowReadMarkerRole)
            return false;
    }
    return QSortFilterProxyModel::data(index, role);
}

bool ThreadFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_unresolvedOnly)
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    return index.data(MessageListModel::ThreadReplyCountRole).toInt() > 0
        && !index.data(MessageListModel::ThreadResolvedRole).toBool();
}
