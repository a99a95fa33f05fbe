#pragma once

#include <QQmlEngine>
#include <QSortFilterProxyModel>

/// A room's timeline with only the questions still open: with `unresolvedOnly`, the rows of a
/// MessageListModel that are thread roots with replies and not marked resolved (the "Unresolved
/// threads" filter of the room header). Every row shows its sender and day, since its neighbours
/// in the room are hidden. Without `unresolvedOnly`, every row passes.
class ThreadFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(bool unresolvedOnly READ unresolvedOnly WRITE setUnresolvedOnly NOTIFY
            unresolvedOnlyChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    explicit ThreadFilterModel(QObject *parent = nullptr);

    bool unresolvedOnly() const { return m_unresolvedOnly; }
    void setUnresolvedOnly(bool on);
    int count() const { return rowCount(); }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void unresolvedOnlyChanged();
    void countChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool m_unresolvedOnly = false;
};
