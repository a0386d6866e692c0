using MLPipelines.Tuning.Search;

namespace MLPipelines.Tuning.Strategies;

/// <summary>
/// Successive halving (Jamieson and Talwalkar 2016; the bracket of Hyperband, Li et al. 2018): configurations are
/// drawn in brackets of <c>eta^(rungs-1)</c>; a bracket trains all of them with a small share of the resource
/// (boosting rounds or epochs), keeps the best 1/eta by inner score for the next rung with eta times the resource,
/// and so on up to the full resource. The model's own configuration is trained once with the full resource.
/// Each evaluation trains from scratch, so it is a pure function of (configuration, resource). Brackets overlap:
/// while one waits for a rung to finish, the next one's draws start, so parallel slots stay busy.
/// </summary>
public sealed class SuccessiveHalving : ISearchStrategy
{
    private readonly ConfigSequence _configs;
    private readonly List<Bracket> _brackets = [];
    private bool _defaultStarted;
    private int _nextConfig = 1;
    private int _trials;
    private int _running;
    private bool _exhausted;

    /// <summary>Creates the search.</summary>
    /// <param name="configs">The configurations to draw, in order (index 0, the defaults, gets the full resource).</param>
    /// <param name="maxConfigs">Most configurations drawn, including the defaults (each counted once whatever rung it reaches); null = until the driver stops.</param>
    /// <param name="higherIsBetter">Direction of the inner score.</param>
    /// <param name="eta">Reduction factor: 1/eta of a rung goes on, with eta times the resource.</param>
    /// <param name="rungs">Rungs per bracket; the first trains with eta^-(rungs-1) of the resource.</param>
    public SuccessiveHalving(ConfigSequence configs, int? maxConfigs, bool higherIsBetter, int eta = 3, int rungs = 3)
    {
        ArgumentNullException.ThrowIfNull(configs);
        if (maxConfigs is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxConfigs), maxConfigs, "A search needs at least one configuration.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(eta, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(rungs, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rungs, 8);
        _configs = configs;
        MaxConfigs = maxConfigs;
        HigherIsBetter = higherIsBetter;
        Eta = eta;
        Rungs = rungs;
    }

    /// <summary>Most configurations drawn; null = no limit.</summary>
    public int? MaxConfigs { get; }

    /// <summary>Reduction factor between rungs.</summary>
    public int Eta { get; }

    /// <summary>Rungs per bracket.</summary>
    public int Rungs { get; }

    /// <summary>Configurations in a full bracket: eta^(rungs-1).</summary>
    public int BracketSize => (int)Math.Pow(Eta, Rungs - 1);

    /// <inheritdoc />
    public bool HigherIsBetter { get; }

    /// <summary>Share of the full resource at <paramref name="rung"/>: eta^(rung - (rungs-1)).</summary>
    public double FractionAt(int rung) => Math.Pow(Eta, rung - (Rungs - 1));

    /// <inheritdoc />
    public SearchStep Next()
    {
        if (!_defaultStarted)
        {
            _defaultStarted = true;
            return Started(0, _configs[0]!, Rungs - 1);
        }

        foreach (var bracket in _brackets)
        {
            if (bracket.NextPromoted() is { } promoted)
            {
                return Started(promoted.Config, _configs[promoted.Config]!, promoted.Rung);
            }
        }

        if (CanDraw() && _configs[_nextConfig] is { } config)
        {
            if (_brackets.Count == 0 || _brackets[^1].Size == BracketSize)
            {
                _brackets.Add(new Bracket(this));
            }

            var bracket = _brackets[^1];
            var index = _nextConfig++;
            bracket.Add(index);
            if (bracket.Size == BracketSize)
            {
                bracket.Close();
            }

            return Started(index, config, 0);
        }

        _exhausted = true;
        CloseOpenBrackets();
        foreach (var bracket in _brackets)
        {
            if (bracket.NextPromoted() is { } promoted)
            {
                return Started(promoted.Config, _configs[promoted.Config]!, promoted.Rung);
            }
        }

        return _running > 0 ? SearchStep.Wait : SearchStep.Done;
    }

    /// <inheritdoc />
    public void Report(TrialRequest request, double score)
    {
        ArgumentNullException.ThrowIfNull(request);
        _running--;
        if (request.Config == 0)
        {
            return;
        }

        _brackets.First(b => b.Contains(request.Config)).Report(request.Config, request.Rung, score);
    }

    private bool CanDraw() => !_exhausted && (MaxConfigs is not { } max || _nextConfig < max);

    private void CloseOpenBrackets()
    {
        foreach (var bracket in _brackets)
        {
            bracket.Close();
        }
    }

    private SearchStep Started(int config, TrialConfig values, int rung)
    {
        _running++;
        return SearchStep.Start(new TrialRequest(_trials++, config, values, rung, FractionAt(rung)));
    }

    /// <summary>One bracket: its configurations per rung, the scores reported, and promotions not yet started.</summary>
    private sealed class Bracket(SuccessiveHalving owner)
    {
        private readonly List<List<int>> _members = [[]];
        private readonly List<Dictionary<int, double>> _scores = [[]];
        private readonly Queue<(int Config, int Rung)> _promoted = new();
        private bool _closed;

        public int Size => _members[0].Count;

        public bool Contains(int config) => _members[0].Contains(config);

        public void Add(int config) => _members[0].Add(config);

        public (int Config, int Rung)? NextPromoted() => _promoted.Count > 0 ? _promoted.Dequeue() : null;

        public void Report(int config, int rung, double score)
        {
            _scores[rung][config] = score;
            Promote();
        }

        /// <summary>No configuration joins the first rung any more; promotions may start once a rung is complete.</summary>
        public void Close()
        {
            if (!_closed)
            {
                _closed = true;
                Promote();
            }
        }

        private void Promote()
        {
            var rung = _members.Count - 1;
            if (!_closed || rung == owner.Rungs - 1 || _scores[rung].Count < _members[rung].Count || _members[rung].Count == 0)
            {
                return;
            }

            var keep = Math.Max(1, _members[rung].Count / owner.Eta);
            var sign = owner.HigherIsBetter ? -1 : 1;
            var next = _members[rung]
                .Where(c => !double.IsNaN(_scores[rung][c]))
                .OrderBy(c => sign * _scores[rung][c])
                .ThenBy(c => c)
                .Take(keep)
                .ToList();
            _members.Add(next);
            _scores.Add([]);
            foreach (var config in next)
            {
                _promoted.Enqueue((config, rung + 1));
            }
        }
    }
}
