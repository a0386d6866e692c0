using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLPipelines.Data;

/// <summary>
/// An ML.NET <see cref="IDataView"/> over columns held in memory, seeing only a chosen subset of rows (a fold's
/// training or test rows) without copying. Numeric missing values are NaN, exactly as parsed; shuffling (when a
/// trainer asks for it with a <see cref="Random"/>) permutes the visible rows.
/// </summary>
public sealed class TabularDataView : IDataView
{
    private readonly IReadOnlyList<ViewColumn> _columns;
    private readonly int[] _rows;

    internal TabularDataView(IReadOnlyList<ViewColumn> columns, int[] rows)
    {
        _columns = columns;
        _rows = rows;
        var builder = new DataViewSchema.Builder();
        foreach (var column in columns)
        {
            builder.AddColumn(column.Name, column.Type, column.Annotations);
        }

        Schema = builder.ToSchema();
    }

    /// <inheritdoc />
    public bool CanShuffle => true;

    /// <inheritdoc />
    public DataViewSchema Schema { get; }

    /// <summary>Storage rows visible in this view, in order.</summary>
    public IReadOnlyList<int> Rows => _rows;

    /// <summary>The same columns restricted to <paramref name="rows"/> (storage row indices).</summary>
    public TabularDataView Select(int[] rows) => new(_columns, rows);

    /// <summary>
    /// The rows <paramref name="rows"/> (storage indices) in which column <paramref name="name"/> reads its value
    /// from storage row <paramref name="sources"/>[i] instead of <paramref name="rows"/>[i]: the column shuffled
    /// among the rows when <paramref name="sources"/> is a permutation of them (permutation importance).
    /// Nothing is copied; other columns are unchanged.
    /// </summary>
    /// <exception cref="ArgumentException">No such column, or the arrays differ in length.</exception>
    public TabularDataView WithColumnFrom(string name, int[] rows, int[] sources)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(sources);
        if (rows.Length != sources.Length)
        {
            throw new ArgumentException($"Got {sources.Length} source rows for {rows.Length} rows.", nameof(sources));
        }

        var index = _columns.ToList().FindIndex(c => c.Name == name);
        if (index < 0)
        {
            throw new ArgumentException($"The view has no column '{name}'.", nameof(name));
        }

        var map = new Dictionary<int, int>(rows.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            map[rows[i]] = sources[i];
        }

        var columns = _columns.ToArray();
        columns[index] = ViewColumn.Remapped(columns[index], map);
        return new TabularDataView(columns, rows);
    }

    /// <summary>
    /// Several <see cref="WithColumnFrom"/> views one after the other in one view: block <c>b</c> is the rows
    /// <paramref name="rows"/> with column <paramref name="blocks"/>[b].Name read from
    /// <paramref name="blocks"/>[b].Sources. Scoring them together makes a model build its transforms once for all
    /// the blocks instead of once per block (permutation importance of wide tables).
    /// </summary>
    /// <exception cref="ArgumentException">No such column, or a source array differs in length from the rows.</exception>
    public TabularDataView WithColumnsFrom(int[] rows, IReadOnlyList<(string Name, int[] Sources)> blocks)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(blocks);
        var n = rows.Length;
        var indexOf = new Dictionary<string, int>(_columns.Count, StringComparer.Ordinal);
        for (var c = _columns.Count - 1; c >= 0; c--)
        {
            indexOf[_columns[c].Name] = c; // the first column of a name, as WithColumnFrom finds it
        }

        var blockColumn = new int[blocks.Count];
        for (var b = 0; b < blocks.Count; b++)
        {
            if (!indexOf.TryGetValue(blocks[b].Name, out blockColumn[b]))
            {
                throw new ArgumentException($"The view has no column '{blocks[b].Name}'.", nameof(blocks));
            }

            if (blocks[b].Sources.Length != n)
            {
                throw new ArgumentException($"Got {blocks[b].Sources.Length} source rows for {n} rows.", nameof(blocks));
            }
        }

        // Rows of the stacked view are positions 0..blocks x n - 1; each column turns a position into a storage row.
        var columns = _columns.Select((column, c) => ViewColumn.Mapped(column, k =>
        {
            var (b, i) = Math.DivRem(k, n);
            return blockColumn[b] == c ? blocks[b].Sources[i] : rows[i];
        })).ToArray();
        return new TabularDataView(columns, [.. Enumerable.Range(0, checked(blocks.Count * n))]);
    }

    /// <inheritdoc />
    public long? GetRowCount() => _rows.Length;

    /// <inheritdoc />
    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var order = _rows;
        if (rand is not null)
        {
            order = (int[])_rows.Clone();
            for (var i = order.Length - 1; i > 0; i--)
            {
                var j = rand.Next(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }
        }

        return new Cursor(this, order, columnsNeeded);
    }

    /// <inheritdoc />
    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly TabularDataView _view;
        private readonly int[] _order;
        private readonly bool[] _active;
        private readonly Delegate?[] _getters;
        private long _position = -1;

        public Cursor(TabularDataView view, int[] order, IEnumerable<DataViewSchema.Column> columnsNeeded)
        {
            _view = view;
            _order = order;
            _active = new bool[view._columns.Count];
            _getters = new Delegate?[view._columns.Count];
            foreach (var column in columnsNeeded)
            {
                _active[column.Index] = true;
            }

            for (var c = 0; c < _active.Length; c++)
            {
                if (_active[c])
                {
                    _getters[c] = view._columns[c].MakeGetter(StorageRow);
                }
            }
        }

        public override long Position => _position;

        public override long Batch => 0;

        public override DataViewSchema Schema => _view.Schema;

        public override bool IsColumnActive(DataViewSchema.Column column) => _active[column.Index];

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (!_active[column.Index])
            {
                throw new InvalidOperationException($"Column '{column.Name}' was not requested when the cursor was created.");
            }

            return _getters[column.Index] as ValueGetter<TValue>
                ?? throw new InvalidOperationException(
                    $"Column '{column.Name}' holds {column.Type}, not {typeof(TValue).Name}.");
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() =>
            (ref DataViewRowId id) => id = new DataViewRowId((ulong)StorageRow(), 0);

        public override bool MoveNext()
        {
            if (_position + 1 >= _order.Length)
            {
                _position = _order.Length;
                return false;
            }

            _position++;
            return true;
        }

        private int StorageRow()
        {
            if (_position < 0 || _position >= _order.Length)
            {
                throw new InvalidOperationException("The cursor is not on a row.");
            }

            return _order[_position];
        }
    }
}
