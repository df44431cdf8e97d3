package org.wavelength.core.domain;

/** Small vector arithmetic for profiles and diversity; the index does the heavy comparisons. */
public final class Vectors {

    private Vectors() {
    }

    public static void addScaled(float[] sum, float[] v, double scale) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += (float) (v[i] * scale);
        }
    }

    public static float[] normalized(float[] v) {
        double norm = norm(v);
        float[] unit = new float[v.length];
        if (norm == 0) {
            return unit;
        }
        for (int i = 0; i < v.length; i++) {
            unit[i] = (float) (v[i] / norm);
        }
        return unit;
    }

    /** The dot product, summed in double precision. */
    public static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }

    public static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    /** The Euclidean length, summed in double precision. */
    public static double norm(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        return Math.sqrt(sum);
    }
}
