package clinic.patient.common;

/** A clinical rule refuses the request (e.g. overriding an urgent referral): answered 422. */
public class ClinicalRefusal extends RuntimeException {

    public ClinicalRefusal(String detail) {
        super(detail, null, false, false);
    }
}
