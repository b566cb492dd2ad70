package org.tradegateway.ingest.synthetic;

/**
 * Stateless random draws: every value is a hash of (seed, stream, year, i, j, k) through SplitMix64, so output
 * does not depend on order or threads and any slice can be regenerated alone.
 */
final class Draws {
    private final long seed;

    Draws(long seed) {
        this.seed = seed;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Uniform in (0, 1). */
    double uniform(int stream, int year, int i, int j, int k) {
        long h = mix(seed + 0x9e3779b97f4a7c15L * (stream + 1));
        h = mix(h ^ year);
        h = mix(h ^ ((long) i << 32 | (j & 0xffffffffL)));
        h = mix(h ^ k);
        return ((h >>> 11) + 0.5) * 0x1.0p-53;
    }

    double normal(int stream, int year, int i, int j, int k) {
        return inverseNormal(uniform(stream, year, i, j, k));
    }

    double gumbel(int stream, int year, int i, int j, int k) {
        return -Math.log(-Math.log(uniform(stream, year, i, j, k)));
    }

    /** Acklam's rational approximation of the standard normal quantile (relative error below 1.2e-9). */
    static double inverseNormal(double p) {
        final double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
            1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
        final double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
            6.680131188771972e+01, -1.328068155288572e+01};
        final double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
            -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
        final double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
            3.754408661907416e+00};
        double plow = 0.02425;
        if (p < plow) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - plow) {
            double q = Math.sqrt(-2 * Math.log(1 - p));
            return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
}
