// Runs Weka's own weka.experiment.PairedStatsCorrected (the statistic behind PairedCorrectedTTester) on paired
// fold values, so bench/stats_reference.py can set Weka's p-values and significance flags beside ours.
// stdin: blocks of "case <id> <alpha> <testTrainRatio>", then one "<a> <b>" pair per line, then "end".
// stdout: "<id> <probability> <sigflag> <meanDiff> <sdDiff>" per case (sigflag: 1 a > b, -1 a < b, 0 none).
import java.io.BufferedReader;
import java.io.InputStreamReader;
import weka.experiment.PairedStatsCorrected;

public final class WekaCorrectedTTest {
    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        PairedStatsCorrected stats = null;
        String id = null;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] parts = line.trim().split("\\s+");
            if (parts[0].equals("case")) {
                id = parts[1];
                stats = new PairedStatsCorrected(Double.parseDouble(parts[2]), Double.parseDouble(parts[3]));
            } else if (parts[0].equals("end")) {
                stats.calculateDerived();
                System.out.println(id + " " + stats.differencesProbability + " " + stats.differencesSignificance
                    + " " + stats.differencesStats.mean + " " + stats.differencesStats.stdDev);
            } else if (parts.length == 2) {
                stats.add(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
            }
        }
    }
}
