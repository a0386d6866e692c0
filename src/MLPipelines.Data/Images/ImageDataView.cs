using Microsoft.ML;
using Microsoft.ML.Data;
using MLPipelines.Results;

namespace MLPipelines.Data.Images;

/// <summary>
/// An ML.NET <see cref="IDataView"/> over an <see cref="ImageDataset"/>, seeing a chosen subset of its images (a
/// fold's training or test rows) without copying: columns <c>Label</c> and <c>Features</c> (the flattened
/// <c>[C, H, W]</c> pixels, a known-size float vector), so every trainer, from LightGBM to the CNN, reads the same
/// images. A cursor copies one image into the caller's reused buffer per row and allocates nothing per row.
/// Shuffling (when a trainer asks for it with a <see cref="Random"/>) permutes the visible rows.
/// </summary>
public sealed class ImageDataView : IDataView
{
    /// <summary>Name of the label column.</summary>
    public const string LabelColumn = "Label";

    /// <summary>Name of the flattened-pixels column.</summary>
    public const string FeatureColumn = "Features";

    private readonly int[] _rows;

    // Permutation importance: pixel positions whose values come from another image (by dataset row).
    private readonly IReadOnlyDictionary<int, int>? _patchSources;
    private readonly int[]? _patchPixels;

    internal ImageDataView(ImageDataset dataset, TaskKind task, int[]? rows, IReadOnlyDictionary<int, int>? patchSources = null, int[]? patchPixels = null)
    {
        _patchSources = patchSources;
        _patchPixels = patchPixels;
        if (task == TaskKind.Regression)
        {
            throw new ArgumentException("Images are classified: the task must be binary or multiclass, not regression.", nameof(task));
        }

        if (task == TaskKind.Binary && dataset.Classes.Count != 2)
        {
            throw new ArgumentException($"A binary view needs exactly 2 classes; the images have {dataset.Classes.Count}.", nameof(task));
        }

        Dataset = dataset;
        Task = task;
        _rows = rows ?? [.. Enumerable.Range(0, dataset.Count)];
        var builder = new DataViewSchema.Builder();
        if (task == TaskKind.Binary)
        {
            builder.AddColumn(LabelColumn, BooleanDataViewType.Instance);
        }
        else
        {
            builder.AddColumn(LabelColumn, new KeyDataViewType(typeof(uint), dataset.Classes.Count), KeyNames(dataset.Classes));
        }

        builder.AddColumn(FeatureColumn, new VectorDataViewType(NumberDataViewType.Single, dataset.Shape.Size));
        Schema = builder.ToSchema();
    }

    /// <summary>The images behind the view.</summary>
    public ImageDataset Dataset { get; }

    /// <summary>Binary (boolean label, true = <c>Classes[1]</c>) or multiclass (key label).</summary>
    public TaskKind Task { get; }

    /// <summary>Dataset indices of the visible images, in order.</summary>
    public IReadOnlyList<int> Rows => _rows;

    /// <inheritdoc />
    public bool CanShuffle => true;

    /// <inheritdoc />
    public DataViewSchema Schema { get; }

    /// <summary>The same images restricted to <paramref name="rows"/> (dataset indices, e.g. one fold's training rows).</summary>
    public ImageDataView Select(int[] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows)
        {
            if ((uint)row >= (uint)Dataset.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(rows), row, $"Row index out of range 0..{Dataset.Count - 1}.");
            }
        }

        return new ImageDataView(Dataset, Task, rows);
    }

    /// <summary>
    /// The images <paramref name="rows"/> in which the pixel positions <paramref name="pixels"/> (indices into the
    /// flattened <c>[C, H, W]</c> vector) hold the values of image <paramref name="sources"/>[i] instead of
    /// <paramref name="rows"/>[i]: a block of the picture shuffled among the images when the sources are a
    /// permutation of the rows (permutation importance). Nothing is copied up front.
    /// </summary>
    public ImageDataView WithPixelsFrom(int[] rows, int[] sources, int[] pixels)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(pixels);
        if (rows.Length != sources.Length)
        {
            throw new ArgumentException($"Got {sources.Length} source images for {rows.Length} images.", nameof(sources));
        }

        var size = Dataset.Shape.Size;
        if (pixels.Any(p => (uint)p >= (uint)size) || sources.Any(r => (uint)r >= (uint)Dataset.Count))
        {
            throw new ArgumentOutOfRangeException(nameof(pixels), "A pixel index or source image is out of range.");
        }

        var map = new Dictionary<int, int>(rows.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            map[rows[i]] = sources[i];
        }

        return new ImageDataView(Dataset, Task, Select(rows)._rows, map, pixels);
    }

    /// <inheritdoc />
    public long? GetRowCount() => _rows.Length;

    /// <inheritdoc />
    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        ArgumentNullException.ThrowIfNull(columnsNeeded);
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

    private static DataViewSchema.Annotations KeyNames(IReadOnlyList<string> classes)
    {
        var names = classes.Select(c => c.AsMemory()).ToArray();
        var builder = new DataViewSchema.Annotations.Builder();
        // "KeyValues" is ML.NET's annotation kind for key names; trainers copy it onto PredictedLabel.
        builder.Add("KeyValues", new VectorDataViewType(TextDataViewType.Instance, names.Length),
            (ref VBuffer<ReadOnlyMemory<char>> dst) => dst = new VBuffer<ReadOnlyMemory<char>>(names.Length, names));
        return builder.ToAnnotations();
    }

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly ImageDataView _view;
        private readonly int[] _order;
        private readonly bool _labelActive;
        private readonly bool _featuresActive;
        private readonly float[] _pixels;
        private readonly int[] _labels;
        private readonly int _size;
        private long _position = -1;

        public Cursor(ImageDataView view, int[] order, IEnumerable<DataViewSchema.Column> columnsNeeded)
        {
            _view = view;
            _order = order;
            _pixels = view.Dataset.PixelArray;
            _labels = view.Dataset.LabelArray;
            _size = view.Dataset.Shape.Size;
            foreach (var column in columnsNeeded)
            {
                _labelActive |= column.Index == 0;
                _featuresActive |= column.Index == 1;
            }
        }

        public override long Position => _position;

        public override long Batch => 0;

        public override DataViewSchema Schema => _view.Schema;

        public override bool IsColumnActive(DataViewSchema.Column column) => column.Index == 0 ? _labelActive : _featuresActive;

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (!IsColumnActive(column))
            {
                throw new InvalidOperationException($"Column '{column.Name}' was not requested when the cursor was created.");
            }

            Delegate getter = column.Index switch
            {
                0 when _view.Task == TaskKind.Binary => (ValueGetter<bool>)((ref bool value) => value = _labels[Row()] == 1),
                0 => (ValueGetter<uint>)((ref uint value) => value = (uint)_labels[Row()] + 1),
                _ => (ValueGetter<VBuffer<float>>)GetFeatures,
            };
            return getter as ValueGetter<TValue>
                ?? throw new InvalidOperationException($"Column '{column.Name}' holds {column.Type}, not {typeof(TValue).Name}.");
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() =>
            (ref DataViewRowId id) => id = new DataViewRowId((ulong)Row(), 0);

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

        private void GetFeatures(ref VBuffer<float> value)
        {
            var editor = VBufferEditor.Create(ref value, _size);
            var row = Row();
            _pixels.AsSpan(row * _size, _size).CopyTo(editor.Values);
            if (_view._patchPixels is { } patch && _view._patchSources!.TryGetValue(row, out var source))
            {
                var from = source * _size;
                foreach (var p in patch)
                {
                    editor.Values[p] = _pixels[from + p];
                }
            }

            value = editor.Commit();
        }

        private int Row()
        {
            if (_position < 0 || _position >= _order.Length)
            {
                throw new InvalidOperationException("The cursor is not on a row.");
            }

            return _order[_position];
        }
    }
}
